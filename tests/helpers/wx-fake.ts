import type { WechatServices } from '../../cloud/lib/wechat'

/**
 * STANDS IN FOR WECHAT'S SERVERS in cloud tests: the services a test gives, and for the rest a
 * method that fails, so a test that reaches WeChat where it did not expect to says so.
 */
export function wechatStub(methods: Partial<WechatServices>): WechatServices {
  const unexpected = (name: string) => async (): Promise<never> => {
    throw new Error(`WeChat ${name} was not expected in this test`)
  }
  return {
    sendSubscribe: unexpected('sendSubscribe'),
    unlimitedCode: unexpected('unlimitedCode'),
    uploadFile: unexpected('uploadFile'),
    downloadFile: unexpected('downloadFile'),
    tempFileUrl: unexpected('tempFileUrl'),
    deleteFile: unexpected('deleteFile'),
    ...methods,
  }
}
