import { stationsDb } from '../../cloud/features/stations/collections'
import { PDF, PNG } from '../helpers/aid'
import { uploadServer } from '../helpers/uploadServer'
import { IMPORT_COLUMNS } from '../../domain/stations/upkeep'

/** Station photos on the local home: one path with 金秋助学's documents, images only, station photos public. */
describe('station photos (local home)', () => {
  const local = uploadServer('photos-')
  const login = local.login
  const upload = (token: string | null, purpose: string, body: Buffer, type = 'image/png') =>
    fetch(`${local.base}/api/photos?for=${purpose}`, { method: 'POST', headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: new Uint8Array(body) })

  it('a clerk’s station photo is stored and shown to anyone; a PDF or a renamed file is 不是图片 and stores nothing', async () => {
    const token = await login('clerk')
    const sent = await upload(token, 'station', PNG)
    expect(sent.status).toBe(200)
    const { data } = (await sent.json()) as { data: { photo: string } }
    expect(data.photo).toMatch(/^\/api\/photos\/[0-9a-f]{32}$/)
    const back = await fetch(`${local.base}${data.photo}`)
    expect(back.status).toBe(200)
    expect(back.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await back.arrayBuffer()).equals(PNG)).toBe(true)

    const before = await stationsDb(local.harness.store).photos.count({})
    for (const body of [PDF, Buffer.from('just text, named photo.png')]) {
      const refused = await upload(token, 'station', body)
      expect(refused.status).toBe(415)
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'FILE_TYPE', message: '不是图片：只能上传 JPG 或 PNG 照片' } })
    }
    expect(await stationsDb(local.harness.store).photos.count({})).toBe(before)
  })

  it('only staff upload station photos; nobody uploads signed out; a report photo is not public', async () => {
    expect((await upload(null, 'station', PNG)).status).toBe(401)
    const member = await login('member')
    expect(await (await upload(member, 'station', PNG)).json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const sent = await upload(member, 'report', PNG)
    const { data } = (await sent.json()) as { data: { photo: string } }
    expect(data.photo).toMatch(/^[0-9a-f]{32}$/)
    expect((await fetch(`${local.base}/api/photos/${data.photo}`)).status).toBe(404)
    const hm = await login('hm-clerk')
    expect((await fetch(`${local.base}/api/photos/${data.photo}`, { headers: { Authorization: `Bearer ${hm}` } })).status).toBe(404)
    expect((await fetch(`${local.base}/api/photos/${data.photo}`, { headers: { Authorization: `Bearer ${member}` } })).status).toBe(200)
  })

  it('takes a pasted CSV of more than the usual 64 KB body on the stations function only', async () => {
    const token = await login('clerk')
    const rows = Array.from({ length: 600 }, (_, i) => [`BIG-${i}`, `大文件驿站${i}`, '户外劳动者服务站点', '40.85', '111.70', '新城区示例路 1 号，一段足够长的地址说明文字用来撑大文件', '饮水', '24h', '', 'hhht-xc', '', '2026-11-20', 'active'].join(','))
    const csv = [IMPORT_COLUMNS.join(','), ...rows].join('\n')
    expect(Buffer.byteLength(csv)).toBeGreaterThan(64 * 1024)
    const call = (fn: string, action: string, data: unknown) => fetch(`${local.base}/api/cloud/${fn}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) })
    expect(await (await call('stations', 'checkImport', { csv })).json()).toMatchObject({ ok: true, data: { total: 600, good: 600 } })
    expect((await call('member', 'profile', { padding: csv })).status).toBe(413)
  })
})
