import { subscribeData, type SubscribeFields, type SubscribeTemplates, type SubscribeTopic } from '../../domain/subscribe'

/**
 * What only WeChat's servers can do, behind one seam. In the embedded home (local server, tests)
 * the context has none; cloud tests that need it pass a recording fake, which stands in for
 * WeChat's servers and says so.
 */
export interface WechatServices {
  /** Sends one subscribe message; resolves false when no template is configured for the topic. Throws when WeChat refuses. */
  sendSubscribe<T extends SubscribeTopic>(openid: string, topic: T, page: string, fields: SubscribeFields<T>): Promise<boolean>
  /** A 小程序码 (PNG) for a page with a scene of at most 32 characters (wxacode.getUnlimited). */
  unlimitedCode(page: string, scene: string): Promise<Buffer>
  /** Stores bytes in cloud storage; returns the fileID. */
  uploadFile(cloudPath: string, content: Buffer): Promise<string>
  /** Reads a file from cloud storage. */
  downloadFile(fileID: string): Promise<Buffer>
  /**
   * A short-lived HTTPS link to a file in cloud storage (cloud.getTempFileURL), valid `maxAgeSeconds`.
   * Always there in the deployed services; optional only so test fakes that never open documents
   * need not spell it out.
   */
  tempFileUrl(fileID: string, maxAgeSeconds: number): Promise<string>
  /** Removes a file from cloud storage (a refused upload must not stay there). */
  deleteFile(fileID: string): Promise<void>
}

/** The part of wx-server-sdk these services use (cloud.openapi needs the permissions in config.json). */
export interface WxOpenSdk {
  openapi: {
    subscribeMessage: { send(options: { touser: string; templateId: string; page: string; data: Record<string, { value: string }>; miniprogramState?: string }): Promise<unknown> }
    wxacode: { getUnlimited(options: { scene: string; page: string; checkPath: boolean; envVersion: string; width?: number }): Promise<{ buffer: Buffer }> }
  }
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>
  getTempFileURL(options: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg?: string }> }>
  deleteFile(options: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; status: number; errMsg?: string }> }>
}

/** `MINIPROGRAM_STATE` (developer / trial / formal) chooses which version a message opens and a code points to. */
export function createWechatServices(sdk: WxOpenSdk, templates: SubscribeTemplates, state: string = 'formal'): WechatServices {
  const envVersion = state === 'developer' ? 'develop' : state === 'trial' ? 'trial' : 'release'
  return {
    async sendSubscribe(openid, topic, page, fields) {
      const template = templates[topic]
      if (!template) return false
      await sdk.openapi.subscribeMessage.send({ touser: openid, templateId: template.id, page, data: subscribeData(template, fields), miniprogramState: state })
      return true
    },
    async unlimitedCode(page, scene) {
      if (scene.length > 32) throw new Error('scene longer than 32 characters')
      const result = await sdk.openapi.wxacode.getUnlimited({ scene, page: page.replace(/^\//, ''), checkPath: false, envVersion, width: 430 })
      return Buffer.from(result.buffer)
    },
    async uploadFile(cloudPath, content) {
      return (await sdk.uploadFile({ cloudPath, fileContent: content })).fileID
    },
    async downloadFile(fileID) {
      return Buffer.from((await sdk.downloadFile({ fileID })).fileContent)
    },
    async deleteFile(fileID) {
      const [item] = (await sdk.deleteFile({ fileList: [fileID] })).fileList
      if (!item || item.status !== 0) throw new Error(`deleteFile failed (status ${item?.status ?? 'none'})`)
    },
    async tempFileUrl(fileID, maxAgeSeconds) {
      const [item] = (await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: maxAgeSeconds }] })).fileList
      // status is per file: 0 ok; anything else (a deleted file, no permission) is WeChat's refusal.
      if (!item || item.status !== 0 || !item.tempFileURL) throw new Error(`getTempFileURL failed (status ${item?.status ?? 'none'})`)
      return item.tempFileURL
    },
  }
}
