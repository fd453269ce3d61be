import Taro from '@tarojs/taro'
import { CloudError } from '@domain/errors'

let initialised = false

/** In WeChat the platform carries identity: the cloud function reads the caller's OPENID itself. */
export async function send(fn: string, body: { action: string; data: unknown }, _token: string | null): Promise<unknown> {
  if (!initialised) {
    Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
    initialised = true
  }
  try {
    const { result } = await Taro.cloud.callFunction({ name: fn, data: body })
    return result
  } catch {
    throw new CloudError('NETWORK')
  }
}
