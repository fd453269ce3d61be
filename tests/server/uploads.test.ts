import fs from 'node:fs'
import { aidDb } from '../../cloud/features/aid/collections'
import { collections } from '../../cloud/lib/collections'
import { applicationInput, PDF, PNG } from '../helpers/aid'
import { uploadServer } from '../helpers/uploadServer'
import { UPLOADS_PER_DAY } from '../../cloud/features/aid/uploads'
import { SCHEDULE } from '../../cloud/functions/schedule'
import { removeLocalUploads, runJob } from '../../server/schedule'

/** A PNG with one byte of its own after the image: another file, as far as the store can tell. */
const pngNumbered = (n: number): Buffer => Buffer.concat([PNG, Buffer.from([n])])

describe('uploads', () => {
  const local = uploadServer('uploads-')
  const login = local.login
  const upload = (token: string | null, type: string, body: Buffer) =>
    fetch(`${local.base}/api/upload`, { method: 'POST', headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: new Uint8Array(body) })
  const get = (token: string, id: string) => fetch(`${local.base}/api/files/${id}`, { headers: { Authorization: `Bearer ${token}` } })

  it('stores a PNG and a PDF for the signed-in owner', async () => {
    const token = await login('member')
    const png = await upload(token, 'image/png', PNG)
    expect(png.status).toBe(200)
    const { data } = (await png.json()) as { data: { fileId: string; type: string; size: number } }
    expect(data).toMatchObject({ type: 'image/png', size: PNG.length })
    expect((await upload(token, 'application/pdf', PDF)).status).toBe(200)
    const [doc] = await aidDb(local.harness.store).files.find({ _id: data.fileId }, { limit: 1000 })
    expect(doc.owner).toBe('demo-member')
    const back = await get(token, data.fileId)
    expect(back.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await back.arrayBuffer()).equals(PNG)).toBe(true)
  })

  it('refuses anonymous uploads, other types, lying headers and files over 5 MB, storing nothing', async () => {
    const token = await login('member')
    expect((await upload(null, 'image/png', PNG)).status).toBe(401)
    const gif = await upload(token, 'image/gif', Buffer.from('GIF89a'))
    expect(gif.status).toBe(415)
    expect(((await gif.json()) as { error: { code: string } }).error.code).toBe('FILE_TYPE')
    expect((await upload(token, 'image/png', PDF)).status).toBe(415)
    expect((await upload(token, 'application/pdf', Buffer.from('<html>'))).status).toBe(415)
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)])
    const tooLarge = await upload(token, 'image/png', big)
    expect(tooLarge.status).toBe(413)
    expect(((await tooLarge.json()) as { error: { code: string } }).error.code).toBe('FILE_TOO_LARGE')
    expect(await aidDb(local.harness.store).files.count({})).toBe(0)
    expect(fs.readdirSync(local.dir)).toEqual([])
  })

  it('serves a document only to its owner and the reviewers of the application that uses it', async () => {
    const member = await login('member')
    const ids: string[] = []
    for (const body of [PNG, PDF]) {
      const response = await upload(member, body === PNG ? 'image/png' : 'application/pdf', body)
      ids.push(((await response.json()) as { data: { fileId: string } }).data.fileId)
    }
    const clerk = await login('clerk')
    // Before an application references it, even the clerk cannot read it.
    expect((await get(clerk, ids[0])).status).toBe(404)
    const input = await applicationInput(local.harness.store, 'demo-member', {
      documents: [
        { kind: 'admission_letter', fileId: ids[0] },
        { kind: 'hardship_proof', fileId: ids[1] },
      ],
    })
    const submitted = await local.harness.callAs('demo-member', 'aid', 'submit', input)
    expect(submitted.ok).toBe(true)
    expect((await get(clerk, ids[0])).status).toBe(200)
    expect((await get(await login('city-clerk'), ids[1])).status).toBe(200)
    expect((await get(await login('hm-clerk'), ids[0])).status).toBe(404)
    expect((await get(await login('worker'), ids[0])).status).toBe(404)
    expect((await get(await login('merchant'), ids[0])).status).toBe(404)
    expect((await get(member, '../../etc/passwd')).status).toBe(404)
    expect(await collections(local.harness.store).audit.count({})).toBe(0)
  })

  // #14 item 6: one account cannot fill the disk.
  it(`refuses an account's upload past ${UPLOADS_PER_DAY} a day with 429, writing nothing; another account may still upload`, async () => {
    const token = await login('member')
    // Each a different file: the same bytes again are a retry of the same upload (one file id), not a new one.
    for (let i = 0; i < UPLOADS_PER_DAY; i++) expect((await upload(token, 'image/png', pngNumbered(i))).status).toBe(200)
    const over = await upload(token, 'image/png', pngNumbered(UPLOADS_PER_DAY))
    expect(over.status).toBe(429)
    expect(await over.json()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('明天') } })
    expect(fs.readdirSync(local.dir)).toHaveLength(UPLOADS_PER_DAY)
    expect(await aidDb(local.harness.store).files.count({})).toBe(UPLOADS_PER_DAY)
    expect((await upload(await login('worker'), 'image/png', PNG)).status).toBe(200)
    local.harness.clock.advance(24 * 3600_000 + 1)
    expect((await upload(await login('member'), 'image/png', PNG)).status).toBe(200)
  })

  it('the daily job deletes the bytes of the files it removed from the uploads folder', async () => {
    const token = await login('member')
    const ids: string[] = []
    for (let i = 0; i < 2; i++) ids.push(((await (await upload(token, 'image/png', pngNumbered(i))).json()) as { data: { fileId: string } }).data.fileId)
    await aidDb(local.harness.store).files.update({ _id: ids[0] }, { set: { createdAt: '2026-11-01T00:00:00.000Z' } })
    const job = SCHEDULE.find((j) => j.fn === 'aid')!
    const result = await runJob(job, { store: local.harness.store, clock: local.harness.clock, secrets: local.harness.secrets, logError: () => undefined })
    expect(result).toMatchObject({ ok: true, data: { uploads: { ids: [ids[0]] } } })
    removeLocalUploads(local.dir, job, result.ok ? result.data : null)
    expect(fs.readdirSync(local.dir)).toEqual([ids[1]])
  })
})
