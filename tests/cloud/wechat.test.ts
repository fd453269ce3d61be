import { createWechatServices, type WxOpenSdk } from '../../cloud/lib/wechat'
import { collections } from '../../cloud/lib/collections'
import { fictionalIdNumber } from '../../domain/join/fictional'
import { cloudHarness } from '../helpers/cloud'
import { joinForm } from '../helpers/join'
import { applicationInput } from '../helpers/aid'
import { wechatStub } from '../helpers/wx-fake'

/**
 * WeChat's servers cannot run here: these fakes stand in for the open API and cloud storage and
 * record what they were asked. Everything on our side of the seam is real.
 */
function fakeOpenSdk() {
  const sent: unknown[] = []
  const sdk: WxOpenSdk = {
    openapi: {
      subscribeMessage: { send: async (options) => void sent.push(options) },
      wxacode: { getUnlimited: async (options) => ({ buffer: Buffer.from(JSON.stringify(options)) }) },
    },
    uploadFile: async ({ cloudPath }) => ({ fileID: `cloud://env-1.bucket/${cloudPath}` }),
    downloadFile: async ({ fileID }) => ({ fileContent: Buffer.from(fileID) }),
    getTempFileURL: async ({ fileList }) => ({
      fileList: fileList.map(({ fileID, maxAge }) => (fileID.endsWith('gone') ? { fileID, tempFileURL: '', status: -503003, errMsg: 'file not exist' } : { fileID, tempFileURL: `https://tmp.example/${maxAge}/${fileID.slice(8)}`, status: 0 })),
    }),
    deleteFile: async ({ fileList }) => ({ fileList: fileList.map((fileID) => ({ fileID, status: fileID.endsWith('gone') ? -503003 : 0 })) }),
  }
  return { sdk, sent }
}

function recordingWechat(refuse = false) {
  const pushes: Array<{ openid: string; topic: string; page: string; fields: Record<string, string | undefined> }> = []
  const wechat = wechatStub({
    async sendSubscribe(openid, topic, page, fields) {
      if (refuse) throw Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 })
      pushes.push({ openid, topic, page, fields })
      return true
    },
  })
  return { wechat, pushes }
}

describe('createWechatServices (the WeChat side of the seam)', () => {
  it('sends a configured topic with the mapped data, and skips a topic without a template', async () => {
    const { sdk, sent } = fakeOpenSdk()
    const services = createWechatServices(sdk, { joinResult: { id: 'tmpl-join', keys: { result: 'phrase1', union: 'thing2' } } }, 'trial')
    expect(await services.sendSubscribe('o-1', 'joinResult', '/pages/me/index', { result: '已通过', union: '示例工会' })).toBe(true)
    expect(await services.sendSubscribe('o-1', 'aidProgress', '/pages/me/index', { step: '已发放' })).toBe(false)
    expect(sent).toEqual([{ touser: 'o-1', templateId: 'tmpl-join', page: '/pages/me/index', data: { phrase1: { value: '已通过' }, thing2: { value: '示例工会' } }, miniprogramState: 'trial' }])
  })

  it('asks for a 小程序码 of the page (no leading slash) for the matching version, and refuses a scene over 32 characters', async () => {
    const { sdk } = fakeOpenSdk()
    const services = createWechatServices(sdk, {}, 'developer')
    const asked = JSON.parse((await services.unlimitedCode('/features/join/pages/entry/index', 'hhht-xc-kd')).toString())
    expect(asked).toEqual({ scene: 'hhht-xc-kd', page: 'features/join/pages/entry/index', checkPath: false, envVersion: 'develop', width: 430 })
    await expect(services.unlimitedCode('/x', 'a'.repeat(33))).rejects.toThrow(/32/)
  })

  it('asks cloud storage for a link that lives as long as asked, deletes files, and throws when WeChat refuses the file', async () => {
    const { sdk } = fakeOpenSdk()
    const services = createWechatServices(sdk, {})
    expect(await services.tempFileUrl('cloud://env-1.bucket/aid/a.png', 600)).toBe('https://tmp.example/600/env-1.bucket/aid/a.png')
    await expect(services.tempFileUrl('cloud://env-1.bucket/aid/gone', 600)).rejects.toThrow(/-503003/)
    await expect(services.deleteFile('cloud://env-1.bucket/aid/a.png')).resolves.toBeUndefined()
    await expect(services.deleteFile('cloud://env-1.bucket/aid/gone')).rejects.toThrow(/-503003/)
  })
})

describe('subscribe messages on decisions', () => {
  const pending = async (h: Awaited<ReturnType<typeof cloudHarness>>) => {
    const result = await h.callAs('demo-worker', 'member', 'join', joinForm({ idNumber: fictionalIdNumber('150102', '19900101', 77) }))
    if (!result.ok) throw new Error(JSON.stringify(result))
    return (result.data as { id: string }).id
  }

  it('approving a join pushes the result to the applicant, and the in-app record says it was pushed', async () => {
    const { wechat, pushes } = recordingWechat()
    const h = await cloudHarness(undefined, { wechat })
    const id = await pending(h)
    expect(await h.callAs('demo-clerk', 'review', 'approve', { applicationId: id })).toMatchObject({ ok: true })
    expect(pushes).toEqual([{ openid: 'demo-worker', topic: 'joinResult', page: expect.stringMatching(/^\//), fields: { result: '已通过', union: '示例速递（演示）有限公司工会', note: expect.stringMatching(/^会员编号 150102/), time: '2026-11-23 16:00' } }])
    const [record] = await collections(h.store).notifications.find({ openid: 'demo-worker', title: '入会申请已通过' }, { limit: 1000 })
    expect(record.pushedAt).toBe('2026-11-23T08:00:00.000Z')
  })

  it('a rejection pushes its reason; a push WeChat refuses never fails the decision', async () => {
    const { wechat } = recordingWechat(true)
    const logged: string[] = []
    const h = await cloudHarness(undefined, { wechat, logError: (message) => logged.push(message) })
    const id = await pending(h)
    const result = await h.callAs('demo-clerk', 'review', 'reject', { applicationId: id, reason: '工作单位填写不完整' })
    expect(result).toMatchObject({ ok: true, data: { status: 'rejected' } })
    const [record] = await collections(h.store).notifications.find({ openid: 'demo-worker', title: '入会申请未通过' }, { limit: 1000 })
    expect(record.pushedAt).toBeUndefined()
    expect(logged).toEqual(['subscribe message joinResult not sent (errCode 43101)'])
  })

  it('without WeChat (the embedded home) only the in-app record is written', async () => {
    const h = await cloudHarness()
    const id = await pending(h)
    await h.callAs('demo-clerk', 'review', 'approve', { applicationId: id })
    const [record] = await collections(h.store).notifications.find({ openid: 'demo-worker', title: '入会申请已通过' }, { limit: 1000 })
    expect(record).toMatchObject({ readAt: null })
    expect(record.pushedAt).toBeUndefined()
  })

  it('each step of an aid application is pushed to the parent: level one verified, sent back with the note', async () => {
    const { wechat, pushes } = recordingWechat()
    const h = await cloudHarness(undefined, { wechat })
    const submitted = await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member'))
    const id = (submitted as { data: { id: string } }).data.id
    await h.callAs('demo-clerk', 'aid', 'review', { applicationId: id, decision: 'send_back', note: '录取通知书照片不清楚' })
    expect(pushes).toEqual([{ openid: 'demo-member', topic: 'aidProgress', page: expect.any(String), fields: { step: '需修改', note: '录取通知书照片不清楚', time: '2026-11-23 16:00' } }])
  })
})
