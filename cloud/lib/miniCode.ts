import { CloudError } from '../../domain/errors'
import type { ActionContext } from './context'
import type { WechatServices } from './wechat'
import { DuplicateKeyError, type Collection, type Doc } from './store/port'

/** A 小程序码 kept in cloud storage, one per scene. */
export interface MiniCodeDoc extends Doc {
  fileId: string
  createdAt: string
}

/**
 * The 小程序码 of `page` with `scene` (WeChat only: the caller passes `ctx.wechat` when there is one), made by
 * wxacode.getUnlimited on first request and kept in cloud storage under `<folder>/<scene>.png`,
 * recorded in `codes` by scene: the API is rate-limited and a code's picture never changes.
 */
export async function cachedMiniCode(ctx: ActionContext, wechat: WechatServices, codes: Collection<MiniCodeDoc>, page: string, scene: string, folder: string): Promise<string> {
  const cached = await codes.get(scene)
  if (cached) return cached.fileId
  let fileId: string
  try {
    const png = await wechat.unlimitedCode(page, scene)
    fileId = await wechat.uploadFile(`${folder}/${scene}.png`, png)
  } catch (error) {
    ctx.logError('wxacode.getUnlimited failed', error)
    throw new CloudError('WECHAT_UNAVAILABLE', '小程序码暂时生成不了，请稍后重试')
  }
  try {
    await codes.insert({ _id: scene, fileId, createdAt: ctx.now().toISOString() })
  } catch (error) {
    // Two staff asked at once: both made the same code; the first record stands.
    if (!(error instanceof DuplicateKeyError)) throw error
    return (await codes.get(scene))?.fileId ?? fileId
  }
  return fileId
}
