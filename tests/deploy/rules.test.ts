import { PHOTO_FOLDERS, STATION_PHOTOS_FOLDER } from '../../domain/stations/photos'
import { CLOUD_IMPORT_FILE } from '../../cloud/features/stations/upkeep-import'
import { STORAGE_RULE } from '../../scripts/deploy/rules'

/**
 * The storage rule read as what it says. Its expressions use only what CloudBase's storage rules
 * allow (docs.cloudbase.net/storage/security-rules: auth, resource.openid, resource.path, regex
 * literals compared with `== true`, &&, ||), which JavaScript reads the same way, so each is
 * evaluated here for a caller and a file and the answer compared with who should get it.
 */
type Auth = { openid: string } | null
const judge = (expression: string | boolean) => {
  if (typeof expression === 'boolean') return () => expression
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const fn = new Function('auth', 'resource', `return (${expression})`) as (auth: Auth, resource: { path: string; openid: string }) => boolean
  return (auth: Auth, path: string, owner = 'o-owner') => fn(auth, { path, openid: owner }) === true
}
const read = judge(STORAGE_RULE.read)
const write = judge(STORAGE_RULE.write)
const owner: Auth = { openid: 'o-owner' }
const other: Auth = { openid: 'o-other' }

describe('the storage rule', () => {
  it('lets anyone, signed in or not, read a station photo, and nothing else newly public', () => {
    const photo = `${STATION_PHOTOS_FOLDER}/wx0123456789abcdef0123456789abcdef.jpg`
    for (const who of [null, owner, other]) expect(read(who, photo)).toBe(true)
    // A staged station photo, a report's photo, a 金秋助学 document, an import and an export stay closed, even to their owner.
    for (const path of [`${PHOTO_FOLDERS.station}/1733000000000-abc.jpg`, `${PHOTO_FOLDERS.report}/1733000000000-abc.jpg`, 'aid/1-x.pdf', 'stations/imports/1-x.csv', 'exports/aid/x.csv', 'stations/photosX/a.jpg', 'x/stations/photos/a.jpg']) {
      for (const who of [null, owner, other]) expect([path, read(who, path)]).toEqual([path, false])
    }
  })

  it('keeps the join-poster codes to signed-in WeChat users', () => {
    expect(read(owner, 'join-codes/u1.png')).toBe(true)
    expect(read(null, 'join-codes/u1.png')).toBe(false)
  })

  it('lets a signed-in owner write only under the folders the app uploads to', () => {
    const folders = ['aid', PHOTO_FOLDERS.station, PHOTO_FOLDERS.report, 'stations/imports']
    for (const folder of folders) {
      const path = `${folder}/1733000000000-abc.jpg`
      expect([path, write(owner, path)]).toEqual([path, true])
      expect([path, write(other, path)]).toEqual([path, false])
      expect([path, write(null, path)]).toEqual([path, false])
    }
    for (const path of ['join-codes/u1.png', 'exports/aid/x.csv', 'stations/x.jpg', 'stations/photos', 'stations/uploads', 'stations/uploadsX/a.jpg', 'x/aid/a.pdf']) expect([path, write(owner, path)]).toEqual([path, false])
  })

  it('lets no client write the public station photos, which only stations.registerPhoto writes', () => {
    // A signed-in WeChat user, staff or not (the rule cannot tell), owner of the file or not.
    for (const path of [`${STATION_PHOTOS_FOLDER}/x.jpg`, `${STATION_PHOTOS_FOLDER}/wx0123456789abcdef0123456789abcdef.png`, `${STATION_PHOTOS_FOLDER}/sub/x.jpg`]) {
      for (const who of [owner, other, null]) expect([path, write(who, path)]).toEqual([path, false])
    }
    // The staging folder the app uploads a station photo to is its own and nobody's to read.
    expect(PHOTO_FOLDERS.station).toBe('stations/uploads')
    expect(write(owner, 'stations/uploads/1733000000000-abc.jpg')).toBe(true)
    expect(write(other, 'stations/uploads/1733000000000-abc.jpg')).toBe(false)
    for (const who of [null, owner, other]) expect(read(who, 'stations/uploads/1733000000000-abc.jpg')).toBe(false)
  })

  it('names the import folder the import action reads from', () => {
    expect(CLOUD_IMPORT_FILE.test('cloud://env-1.abcd/stations/imports/1733000000000-abc.csv')).toBe(true)
  })
})
