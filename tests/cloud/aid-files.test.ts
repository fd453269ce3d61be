import * as v from 'valibot'
import { contract } from '../../domain/contract'
import { aidDb } from '../../cloud/features/aid/collections'
import { standInWechat } from '../stand-ins/wechat-services'
import { itOn } from '../helpers/store'
import { MAX_UPLOAD_BYTES } from '../../domain/aid/files'
import { cloudHarness } from '../helpers/cloud'
import { UPLOADS_PER_DAY } from '../../cloud/features/aid/uploads'
import { dispatch } from '../../cloud/lib/dispatch'
import { functions } from '../../cloud/functions'
import type { WechatServices } from '../../cloud/lib/wechat'
import { applicationInput, fakeFile, PDF, PNG, code, ok } from '../helpers/aid'

/**
 * WeChat's cloud storage cannot run here: tests/stand-ins/wechat-services.ts stands in for it (a map
 * of fileID to bytes) and records what it was asked. Everything on our side of the seam (the
 * actions, the store, the rules, createWechatServices) is real.
 */
function fakeCloudStorage() {
  const standIn = standInWechat()
  /** What the app does in WeChat: Taro.cloud.uploadFile to aid/<name>. */
  const put = (name: string, bytes: Buffer) => standIn.putFromApp(`aid/${name}`, bytes)
  return { ...standIn, put, stored: standIn.storage }
}


async function setup() {
  const storage = fakeCloudStorage()
  const h = await cloudHarness(undefined, { wechat: storage.wechat })
  const register = (as: string, fileId: string, name = 'x') => h.callAs(as, 'aid', 'registerUpload', { fileId, name })
  const fileCount = () => aidDb(h.store).files.count({})
  return { h, storage, register, fileCount }
}

describe('aid.registerUpload (WeChat cloud storage)', () => {
  itOn('nedb', 'the embedded home has no cloud storage', 'is refused in the embedded home, which uploads over HTTP', async () => {
    const h = await cloudHarness()
    const before = await aidDb(h.store).files.count({})
    const result = await h.callAs('demo-member', 'aid', 'registerUpload', { fileId: 'cloud://env-1.bucket/aid/a.png', name: 'a.png' })
    expect(result).toMatchObject({ ok: false, error: { code: 'CLOUD_STORAGE_ONLY', message: expect.stringContaining('微信') } })
    expect(code(await h.callAs('demo-member', 'aid', 'fileLink', { fileId: 'wx0' }))).toBe('CLOUD_STORAGE_ONLY')
    expect(await aidDb(h.store).files.count({})).toBe(before)
  })

  it('records a PNG and a PDF as the caller’s, typed by their bytes, with a stable id; registering again answers the same', async () => {
    const { h, storage, register } = await setup()
    const png = storage.put('1-a.png', PNG)
    const pdf = storage.put('2-b.pdf', PDF)
    const first = ok(await register('demo-member', png, '录取通知书.png'))
    expect(v.is(contract.aid.registerUpload.output, first)).toBe(true)
    expect(first).toEqual({ fileId: expect.stringMatching(/^wx[0-9a-f]{32}$/), name: '录取通知书.png', type: 'image/png' })
    expect(ok(await register('demo-member', pdf, '低保证.pdf'))).toMatchObject({ type: 'application/pdf' })
    expect(ok(await register('demo-member', png, '改了名字.png'))).toEqual(first)
    expect(storage.downloads).toEqual([png, pdf])
    const doc = await aidDb(h.store).files.get(first.fileId)
    expect(doc).toMatchObject({ owner: 'demo-member', type: 'image/png', size: PNG.length, cloudFileId: png, createdAt: '2026-11-23T08:00:00.000Z' })
    expect(await aidDb(h.store).files.count({ owner: 'demo-member' })).toBe(2)
  })

  it('refuses bytes that are not JPEG/PNG/PDF whatever the name, files over 5 MB, and a missing file, storing nothing', async () => {
    const { storage, register, fileCount } = await setup()
    const before = await fileCount()
    const html = storage.put('3-c.png', Buffer.from('<html><script>alert(1)</script></html>'))
    expect(await register('demo-member', html)).toMatchObject({ ok: false, error: { code: 'FILE_TYPE', message: expect.stringContaining('PDF') } })
    const big = storage.put('4-d.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES + 1 - PDF.length)]))
    expect(code(await register('demo-member', big))).toBe('FILE_TOO_LARGE')
    const justFits = storage.put('5-e.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES - PDF.length)]))
    expect(ok(await register('demo-member', justFits))).toMatchObject({ type: 'application/pdf' })
    expect(code(await register('demo-member', 'cloud://env-1.bucket/aid/never-uploaded.png'))).toBe('NOT_FOUND')
    expect(await fileCount()).toBe(before + 1)
    // The refused files are gone from cloud storage too; the accepted one stays.
    expect([...storage.stored.keys()]).toEqual([justFits])
  })

  it('refuses anything that is not a cloud-storage file under aid/ before reading it', async () => {
    const { storage, register, fileCount } = await setup()
    const before = await fileCount()
    for (const fileId of [
      'cloud://env-1.bucket/avatars/a.png',
      'cloud://env-1.bucket/aid/sub/a.png',
      'cloud://env-1.bucket/aid/../secrets.png',
      'cloud://env-1.bucket/aid/',
      'https://example.com/aid/a.png',
      '0123456789abcdef0123456789abcdef',
    ]) {
      expect([fileId, await register('demo-member', fileId)]).toEqual([fileId, expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT' }) })])
    }
    expect(storage.downloads).toEqual([])
    expect(await fileCount()).toBe(before)
  })

  it('a file someone else registered first is not found for another account, which changes nothing; racing registrations store one', async () => {
    const { h, storage, register } = await setup()
    const png = storage.put('6-f.png', PNG)
    const mine = ok(await register('demo-member', png))
    expect(code(await register('demo-worker', png))).toBe('NOT_FOUND')
    expect(await aidDb(h.store).files.get(mine.fileId)).toMatchObject({ owner: 'demo-member' })

    const raced = storage.put('7-g.png', PNG)
    const results = await Promise.all(['demo-member', 'demo-worker', 'demo-member', 'demo-worker'].map((as) => register(as, raced)))
    const [doc] = await aidDb(h.store).files.find({ cloudFileId: raced }, { limit: 1000 })
    expect(await aidDb(h.store).files.count({ cloudFileId: raced })).toBe(1)
    for (const [i, result] of results.entries()) {
      const as = i % 2 === 0 ? 'demo-member' : 'demo-worker'
      if (as === doc.owner) expect(ok(result).fileId).toBe(doc._id)
      else expect(code(result)).toBe('NOT_FOUND')
    }
  })

  it('a submission with registered files goes through; the bare cloud fileID or another account’s file does not', async () => {
    const { h, storage, register } = await setup()
    const letter = ok(await register('demo-member', storage.put('8-h.png', PNG), '录取通知书.png'))
    const proof = ok(await register('demo-member', storage.put('9-i.pdf', PDF), '低保证.pdf'))
    const documents = [
      { kind: 'admission_letter', fileId: letter.fileId },
      { kind: 'hardship_proof', fileId: proof.fileId },
    ]
    const bare = [documents[0], { kind: 'hardship_proof', fileId: 'cloud://env-1.bucket/aid/9-i.pdf' }]
    expect(code(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member', { documents: bare })))).toBe('AID_DOCUMENTS_MISSING')
    const workers = ok(await register('demo-worker', storage.put('10-j.pdf', PDF)))
    const foreign = [documents[0], { kind: 'hardship_proof', fileId: workers.fileId }]
    expect(code(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member', { documents: foreign })))).toBe('AID_DOCUMENTS_MISSING')
    expect(await aidDb(h.store).applications.count({})).toBe(0)
    const view = ok(await h.callAs('demo-member', 'aid', 'submit', await applicationInput(h.store, 'demo-member', { documents })))
    expect(view).toMatchObject({ status: 'submitted', documents })
  })
})

describe('aid.fileLink (reviewers in WeChat open documents)', () => {
  async function submitted() {
    const s = await setup()
    const letter = ok(await s.register('demo-member', s.storage.put('11-k.png', PNG)))
    const proof = ok(await s.register('demo-member', s.storage.put('12-l.pdf', PDF)))
    const unsubmitted = ok(await s.register('demo-member', s.storage.put('13-m.png', PNG)))
    const documents = [
      { kind: 'admission_letter', fileId: letter.fileId },
      { kind: 'hardship_proof', fileId: proof.fileId },
    ]
    ok(await s.h.callAs('demo-member', 'aid', 'submit', await applicationInput(s.h.store, 'demo-member', { documents })))
    const link = (as: string, fileId: string) => s.h.callAs(as, 'aid', 'fileLink', { fileId })
    return { ...s, letter, proof, unsubmitted, link }
  }

  it('gives the owner and the application’s reviewers at both levels a short-lived link', async () => {
    const { storage, letter, proof, unsubmitted, link } = await submitted()
    const owner = ok(await link('demo-member', proof.fileId))
    expect(v.is(contract.aid.fileLink.output, owner)).toBe(true)
    expect(owner).toEqual({ url: expect.stringMatching(/^https:\/\/stand-in-env\.tcb\.qcloud\.la\/aid\//), type: 'application/pdf', expiresAt: '2026-11-23T08:10:00.000Z' })
    expect(ok(await link('demo-member', unsubmitted.fileId)).type).toBe('image/png')
    expect(ok(await link('demo-clerk', letter.fileId)).type).toBe('image/png')
    expect(ok(await link('demo-city-clerk', letter.fileId)).type).toBe('image/png')
    expect(storage.links.map((l) => l.maxAge)).toEqual([600, 600, 600, 600])
    expect(storage.links[0].fileID).toMatch(/^cloud:\/\/.+\/aid\/12-l\.pdf$/)
  })

  it('refuses another union’s staff, another member, reviewers for a file no application references, and local files, asking WeChat for nothing', async () => {
    const { h, storage, letter, unsubmitted, link } = await submitted()
    expect(code(await link('demo-hm-clerk', letter.fileId))).toBe('NOT_FOUND')
    expect(code(await link('demo-worker', letter.fileId))).toBe('NOT_FOUND')
    expect(code(await link('demo-merchant', letter.fileId))).toBe('NOT_FOUND')
    expect(code(await link('demo-clerk', unsubmitted.fileId))).toBe('NOT_FOUND')
    expect(code(await link('demo-member', await fakeFile(h.store, 'demo-member')))).toBe('NOT_FOUND')
    expect(code(await link('demo-member', 'wx-none'))).toBe('NOT_FOUND')
    expect(storage.links).toEqual([])
  })
})

// #14 item 6: uploads have a daily quota, and what no application uses is gone after a day.
describe('uploads: a quota, and a daily job for the unused', () => {
  const purge = (h: Awaited<ReturnType<typeof setup>>['h'], wechat: WechatServices) =>
    dispatch('aid', functions.aid, { action: 'purgeExports', data: {} }, { identity: null, timer: true, store: h.store, clock: h.clock, secrets: h.secrets, wechat, logError: () => undefined })

  it('deletes files older than a day that no application refers to, record and bytes, and nothing else', async () => {
    const { h, storage, register } = await setup()
    const input = await applicationInput(h.store, 'demo-member')
    ok(await h.callAs('demo-member', 'aid', 'submit', input))
    const used = input.documents.map((d) => d.fileId)
    const unusedOld = await fakeFile(h.store, 'demo-worker')
    const young = storage.put('young.png', PNG)
    const youngId = ok(await register('demo-member', young)).fileId
    const oldCloud = storage.put('old.png', PNG)
    const staleId = ok(await register('demo-member', oldCloud)).fileId
    // Two uploaded more than a day ago (the clock reads 2026-11-23T08:00Z).
    for (const id of [staleId, unusedOld]) await aidDb(h.store).files.update({ _id: id }, { set: { createdAt: '2026-11-22T07:59:59.000Z' } })
    const first = await purge(h, storage.wechat)
    expect(first).toMatchObject({ ok: true })
    expect(new Set((first as { data: { uploads: { ids: string[] } } }).data.uploads.ids)).toEqual(new Set([unusedOld, staleId]))
    expect(storage.stored.has(oldCloud)).toBe(false)
    expect(storage.stored.has(young)).toBe(true)
    const left = (await aidDb(h.store).files.find({}, { limit: 1000 })).map((f) => f._id).sort()
    expect(left).toEqual([...used, youngId].sort())
    // A day on, the young one goes too; the used ones never.
    h.clock.advance(25 * 3600_000)
    expect(await purge(h, storage.wechat)).toMatchObject({ ok: true, data: { uploads: { ids: [youngId] } } })
    expect((await aidDb(h.store).files.find({}, { limit: 1000 })).map((f) => f._id).sort()).toEqual([...used].sort())
  })

  it(`refuses a registration past ${UPLOADS_PER_DAY} a day per account, storing nothing; others and the next day are not affected`, async () => {
    const { h, storage, register, fileCount } = await setup()
    for (let i = 0; i < UPLOADS_PER_DAY; i++) ok(await register('demo-member', storage.put(`q${i}.png`, PNG)))
    const over = storage.put('over.png', PNG)
    expect(code(await register('demo-member', over))).toBe('RATE_LIMITED')
    expect(await fileCount()).toBe(UPLOADS_PER_DAY)
    ok(await register('demo-worker', storage.put('other.png', PNG)))
    h.clock.advance(24 * 3600_000 + 1)
    ok(await register('demo-member', over))
  })
})
