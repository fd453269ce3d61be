import { createWechatServices, type WechatServices, type WxOpenSdk } from '../../cloud/lib/wechat'
import type { SubscribeTemplates } from '../../domain/subscribe'

/**
 * STANDS IN FOR WECHAT'S SERVERS behind wx-server-sdk's openapi and cloud storage: the part of the
 * SDK `createWechatServices` uses (`WxOpenSdk`), answering as the documentation says and recording
 * what it was asked. Everything on our side of the seam — `createWechatServices` included — is the
 * real code. Cloud storage is a map of fileID to bytes; a missing file answers errCode -503003
 * (STORAGE_FILE_NONEXIST, https://docs.cloudbase.net/error-code/basic) and a per-file status of 1 in
 * getTempFileURL/deleteFile, as the SDK reports per-file results.
 */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

type Method = 'uploadFile' | 'downloadFile' | 'getTempFileURL' | 'deleteFile' | 'subscribeMessage.send' | 'wxacode.getUnlimited'

export function standInWechat(options: { templates?: SubscribeTemplates; env?: string } = {}) {
  const env = options.env ?? 'stand-in-env'
  const storage = new Map<string, Buffer>()
  const messages: Array<Parameters<WxOpenSdk['openapi']['subscribeMessage']['send']>[0]> = []
  const codes: Array<{ scene: string; page: string }> = []
  const links: Array<{ fileID: string; maxAge: number }> = []
  const downloads: string[] = []
  const failures: Array<{ method: Method; error: Error }> = []
  const maybeFail = (method: Method) => {
    const i = failures.findIndex((f) => f.method === method)
    if (i >= 0) throw failures.splice(i, 1)[0].error
  }
  const missing = (fileID: string) => Object.assign(new Error(`storage file not exists: ${fileID}`), { errCode: -503003 })

  const sdk: WxOpenSdk = {
    openapi: {
      subscribeMessage: {
        async send(message) {
          maybeFail('subscribeMessage.send')
          messages.push(message)
          return { errCode: 0 }
        },
      },
      wxacode: {
        async getUnlimited({ scene, page }) {
          maybeFail('wxacode.getUnlimited')
          codes.push({ scene, page })
          return { buffer: TINY_PNG }
        },
      },
    },
    async uploadFile({ cloudPath, fileContent }) {
      maybeFail('uploadFile')
      const fileID = `cloud://${env}.stand-in-bucket/${cloudPath}`
      storage.set(fileID, Buffer.from(fileContent))
      return { fileID }
    },
    async downloadFile({ fileID }) {
      maybeFail('downloadFile')
      downloads.push(fileID)
      const bytes = storage.get(fileID)
      if (!bytes) throw missing(fileID)
      return { fileContent: bytes }
    },
    async getTempFileURL({ fileList }) {
      maybeFail('getTempFileURL')
      return {
        fileList: fileList.map(({ fileID, maxAge }) => {
          links.push({ fileID, maxAge })
          return storage.has(fileID)
            ? { fileID, status: 0, tempFileURL: `https://${env}.tcb.qcloud.la/${encodeURI(fileID.split('/').slice(3).join('/'))}?sign=stand-in&t=${maxAge}` }
            : { fileID, status: 1, tempFileURL: '', errMsg: 'STORAGE_FILE_NONEXIST' }
        }),
      }
    },
    async deleteFile({ fileList }) {
      maybeFail('deleteFile')
      return { fileList: fileList.map((fileID) => ({ fileID, status: storage.delete(fileID) ? 0 : 1 })) }
    },
  }

  const wechat: WechatServices = createWechatServices(sdk, options.templates ?? {}, 'formal')
  return {
    wechat,
    storage,
    messages,
    codes,
    links,
    downloads,
    /** The next call of `method` fails with `error` (a timeout, a quota, a storage failure mid-upload). */
    failNext(method: Method, error: Error = Object.assign(new Error('stand-in: request timeout'), { errCode: -501002 })) {
      failures.push({ method, error })
    },
    /** What the app does in WeChat before registering a file: Taro.cloud.uploadFile to `cloudPath`. */
    putFromApp(cloudPath: string, bytes: Buffer): string {
      const fileID = `cloud://${env}.stand-in-bucket/${cloudPath}`
      storage.set(fileID, bytes)
      return fileID
    },
  }
}

export type WechatStandIn = ReturnType<typeof standInWechat>
