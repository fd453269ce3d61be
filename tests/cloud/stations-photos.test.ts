import { stationsDb } from '../../cloud/features/stations/collections'
import { PHOTOS_PER_DAY } from '../../cloud/features/stations/photos'
import { PHOTO_FOLDERS, STATION_PHOTOS_FOLDER } from '../../domain/stations/photos'
import { cloudHarness } from '../helpers/cloud'
import { standInWechat, TINY_PNG } from '../stand-ins/wechat-services'

/**
 * stations.registerPhoto in WeChat, on both stores: the photo bytes go through the stand-in for
 * WeChat's cloud storage (tests/stand-ins/wechat-services.ts, a map of fileID to bytes); the action,
 * the store and createWechatServices are the real ones. A station photo is staged by the app in a
 * private folder, and only the function writes the public one.
 */
async function setup() {
  const wx = standInWechat()
  const errors: string[] = []
  const h = await cloudHarness(undefined, { wechat: wx.wechat, logError: (message) => errors.push(message) })
  const register = (as: string | null, fileId: string, purpose: 'station' | 'report' = 'station') => h.callAs(as, 'stations', 'registerPhoto', { fileId, purpose })
  /** The files under a folder of the bucket, by path. */
  const under = (folder: string) => [...wx.storage.keys()].map((id) => id.split('/').slice(3).join('/')).filter((path) => path.startsWith(`${folder}/`))
  return { h, wx, errors, register, under }
}

type Answer = Awaited<ReturnType<Awaited<ReturnType<typeof setup>>['register']>>
const photoOf = (answer: Answer) => {
  if (!answer.ok) throw new Error(answer.error.message)
  return (answer.data as { photo: string }).photo
}

describe('stations.registerPhoto: a station photo is staged privately and copied to the public folder by the function', () => {
  it('an accepted photo ends up under stations/photos/ with the same bytes, the staged file gone; a retry answers the same photo', async () => {
    const { h, wx, register, under } = await setup()
    const staged = wx.putFromApp(`${PHOTO_FOLDERS.station}/1733000000000-a.png`, TINY_PNG)
    const photo = photoOf(await register('demo-clerk', staged))
    expect(photo).toMatch(new RegExp(`^cloud://stand-in-env\\.stand-in-bucket/${STATION_PHOTOS_FOLDER}/wx[0-9a-f]{32}\\.png$`))
    expect(wx.storage.get(photo)).toEqual(TINY_PNG)
    expect(wx.storage.has(staged)).toBe(false)
    expect(under(PHOTO_FOLDERS.station)).toEqual([])
    expect(await stationsDb(h.store).photos.find({}, { limit: 10 })).toEqual([expect.objectContaining({ owner: 'demo-clerk', purpose: 'station', type: 'image/png', cloudFileId: photo })])
    // The same staged fileID again (the app retrying after a lost answer): the same kept photo, nothing read or written again.
    expect(photoOf(await register('demo-clerk', staged))).toBe(photo)
    expect(wx.downloads).toEqual([staged])
    expect(under(STATION_PHOTOS_FOLDER)).toHaveLength(1)
    expect(await stationsDb(h.store).photos.count({})).toBe(1)
    // Someone else naming that fileID learns nothing.
    expect(await register('demo-city-clerk', staged)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('a refused photo (not an image; a member; over the daily limit) leaves nothing in either folder and no record', async () => {
    const { h, wx, register, under } = await setup()
    const pdf = wx.putFromApp(`${PHOTO_FOLDERS.station}/1-b.png`, Buffer.from('%PDF-1.4 not a photo'))
    expect(await register('demo-clerk', pdf)).toMatchObject({ ok: false, error: { code: 'FILE_TYPE', message: '不是图片：只能上传 JPG 或 PNG 照片' } })
    // A member may not put photos on public pages: refused before the bytes are read, and deleted all the same.
    const byMember = wx.putFromApp(`${PHOTO_FOLDERS.station}/2-c.png`, TINY_PNG)
    expect(await register('demo-member', byMember)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '仅限工会工作人员上传驿站照片' } })
    expect(wx.downloads).toEqual([pdf])
    // A clerk who has uploaded a day's worth.
    const now = h.clock.now().toISOString()
    for (let i = 0; i < PHOTOS_PER_DAY; i++) await stationsDb(h.store).photos.insert({ _id: `past-${i}`, owner: 'demo-clerk', purpose: 'station', type: 'image/png', size: 70, createdAt: now })
    const oneTooMany = wx.putFromApp(`${PHOTO_FOLDERS.station}/3-d.png`, TINY_PNG)
    expect(await register('demo-clerk', oneTooMany)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(under(PHOTO_FOLDERS.station)).toEqual([])
    expect(under(STATION_PHOTOS_FOLDER)).toEqual([])
    expect(await stationsDb(h.store).photos.count({ cloudFileId: { $exists: true } })).toBe(0)
  })

  it('refuses, for a station, a fileID outside the staging folder: the public folder itself, a report’s, another bucket path', async () => {
    const { h, wx, register, under } = await setup()
    // As a client could before the rule closed stations/photos/ to them.
    const direct = wx.putFromApp(`${STATION_PHOTOS_FOLDER}/1-a.png`, TINY_PNG)
    for (const fileId of [direct, wx.putFromApp(`${PHOTO_FOLDERS.report}/2-b.png`, TINY_PNG), wx.putFromApp('aid/3-c.png', TINY_PNG), 'cloud://stand-in-env.stand-in-bucket/stations/uploads/../photos/x.png']) {
      expect([fileId, await register('demo-clerk', fileId)]).toEqual([fileId, expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) })])
    }
    expect(wx.downloads).toEqual([])
    expect(under(STATION_PHOTOS_FOLDER)).toEqual(['stations/photos/1-a.png'])
    expect(await stationsDb(h.store).photos.count({})).toBe(0)
  })

  it('a call stopped halfway is finished by the same call again: the public copy not written, or the staged file not deleted', async () => {
    const { h, wx, errors, register, under } = await setup()
    const staged = wx.putFromApp(`${PHOTO_FOLDERS.station}/1-a.png`, TINY_PNG)
    wx.failNext('uploadFile')
    expect(await register('demo-clerk', staged)).toMatchObject({ ok: false, error: { code: 'WECHAT_UNAVAILABLE' } })
    expect(wx.storage.has(staged)).toBe(true)
    expect(under(STATION_PHOTOS_FOLDER)).toEqual([])
    expect(await stationsDb(h.store).photos.count({})).toBe(0)
    wx.failNext('deleteFile')
    const photo = photoOf(await register('demo-clerk', staged))
    expect(wx.storage.has(staged)).toBe(true)
    expect(errors).toEqual(['stations.registerPhoto: public copy not written', 'stations.registerPhoto: staged file not deleted'])
    expect(photoOf(await register('demo-clerk', staged))).toBe(photo)
    expect(wx.storage.has(staged)).toBe(false)
    expect(under(STATION_PHOTOS_FOLDER)).toHaveLength(1)
    expect(await stationsDb(h.store).photos.count({})).toBe(1)
  })

  it('a report’s photo is kept where the app put it (private, read through the queue’s links), not copied', async () => {
    const { h, wx, register, under } = await setup()
    const fileId = wx.putFromApp(`${PHOTO_FOLDERS.report}/1-a.png`, TINY_PNG)
    const photo = photoOf(await register('demo-member', fileId, 'report'))
    expect(photo).toMatch(/^wx[0-9a-f]{32}$/)
    expect(await stationsDb(h.store).photos.get(photo)).toMatchObject({ owner: 'demo-member', purpose: 'report', cloudFileId: fileId })
    expect(wx.storage.has(fileId)).toBe(true)
    expect(under(STATION_PHOTOS_FOLDER)).toEqual([])
    // A staged station photo is not a report's.
    expect(await register('demo-member', wx.putFromApp(`${PHOTO_FOLDERS.station}/2-b.png`, TINY_PNG), 'report')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
