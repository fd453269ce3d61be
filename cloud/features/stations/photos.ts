import { createHash } from 'node:crypto'
import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { cloudPhotoFile, localPhotoPath, MAX_PHOTO_BYTES, NOT_AN_IMAGE, PHOTO_TOO_LARGE, sniffImage, STATION_PHOTOS_FOLDER, type ImageType, type PhotoPurpose } from '../../../domain/stations/photos'
import { signedIn, type ActionContext, type Caller } from '../../lib/context'
import { insertOnce } from '../../lib/resume'
import { staffUnionIds } from '../../lib/roles'
import type { Store } from '../../lib/store/port'
import { stationsDb, type PhotoDoc } from './collections'

/** Photos cost storage: a clerk photographing a district's stations in a day stays far below this. */
export const PHOTOS_PER_DAY = 60
const DAY_MS = 24 * 3600 * 1000

/**
 * Who may upload what, and how much: a station photo only staff (it goes on a public page), a
 * report's photo anyone signed in (anonymous reports carry none: nobody could be limited); at most
 * PHOTOS_PER_DAY a day each. Checked before the bytes are read.
 */
export async function requirePhotoUpload(store: Store, caller: Caller, purpose: PhotoPurpose, now: Date): Promise<void> {
  if (purpose === 'station' && !staffUnionIds(caller).length) throw new CloudError('FORBIDDEN', '仅限工会工作人员上传驿站照片')
  const since = new Date(now.getTime() - DAY_MS).toISOString()
  if ((await stationsDb(store).photos.count({ owner: caller.openid, createdAt: { $gte: since } })) >= PHOTOS_PER_DAY) {
    throw new CloudError('RATE_LIMITED', `每天最多上传 ${PHOTOS_PER_DAY} 张照片，请明天再试`)
  }
}

/** The bytes' verdict: an image of at most 5 MB, or the refusal (a non-image: 不是图片…). */
export function checkPhotoBytes(bytes: Uint8Array) {
  if (bytes.length > MAX_PHOTO_BYTES) throw new CloudError('FILE_TOO_LARGE', PHOTO_TOO_LARGE)
  const type = sniffImage(bytes)
  if (!type) throw new CloudError('FILE_TYPE', NOT_AN_IMAGE)
  return type
}

/** The id of a photo kept by the local server: the same owner and bytes give the same id (a retried upload). */
export const localPhotoId = (owner: string, bytes: Uint8Array) => createHash('sha256').update(`photo\n${owner}\n`).update(bytes).digest('hex').slice(0, 32)

/** What a station's photos list or a report keeps of a photo. */
export const keptAs = (doc: PhotoDoc) => (doc.purpose === 'station' && doc.cloudFileId ? doc.cloudFileId : doc.purpose === 'station' ? localPhotoPath(doc._id) : doc._id)

/**
 * Who may see a photo: a station's, anyone; a report's, who sent it and the clerks of the unions the
 * report's station belongs to. One rule for the local server's GET /api/photos/<id> and the queue's links.
 */
export async function mayViewPhoto(store: Store, caller: Caller | null, doc: PhotoDoc): Promise<boolean> {
  if (doc.purpose === 'station') return true
  if (!caller) return false
  if (doc.owner === caller.openid) return true
  const staff = staffUnionIds(caller)
  if (!staff.length) return false
  const [report] = await stationsDb(store).reports.find({ photo: doc._id }, { limit: 1 })
  return Boolean(report?.unionPath.some((id) => staff.includes(id)))
}

/**
 * Records a photo the app put in WeChat cloud storage, after reading it back: only from its
 * purpose's upload folder (PHOTO_FOLDERS), an image by its first bytes, at most 5 MB. A station's
 * photo arrives in a private staging folder, as no client may write the public one: once accepted,
 * the function writes the bytes it read to `stations/photos/` under a name made from the staged
 * fileID and keeps THAT fileID, then deletes the staged file. A report's photo is kept where it is.
 * Whatever is refused after the folder check is deleted. The first account to register a fileID
 * owns it; the same one again is answered again, and a retry after a crash finishes the work (the
 * public copy is written under the same name, the staged file deleted).
 */
export async function registerPhoto(input: ActionParsed<'stations', 'registerPhoto'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'registerPhoto'>> {
  const wechat = ctx.wechat
  if (!wechat) throw new CloudError('CLOUD_STORAGE_ONLY', '照片云存储只在微信小程序中使用，网页版请直接上传')
  const caller = signedIn(ctx)
  if (!cloudPhotoFile(input.purpose).test(input.fileId)) throw new CloudError('NOT_FOUND', '找不到照片，请重新上传')
  const { photos } = stationsDb(ctx.store)
  const id = `wx${createHash('sha256').update(input.fileId).digest('hex').slice(0, 32)}`
  const staged = input.purpose === 'station'
  const existing = await photos.get(id)
  if (existing) {
    if (existing.owner !== caller.openid) throw new CloudError('NOT_FOUND', '找不到照片，请重新上传')
    // Usually gone already (the first call deleted it); there only if that call stopped just before.
    if (staged) await wechat.deleteFile(input.fileId).catch(() => undefined)
    return { photo: keptAs(existing) }
  }
  // Nobody may keep a refused file in cloud storage, the uploader included.
  const refuse = async (refusal: unknown): Promise<never> => {
    await wechat.deleteFile(input.fileId).catch((error) => ctx.logError('stations.registerPhoto: refused file not deleted', error))
    throw refusal
  }
  await requirePhotoUpload(ctx.store, caller, input.purpose, ctx.now()).catch(refuse)
  let bytes: Buffer
  try {
    bytes = await wechat.downloadFile(input.fileId)
  } catch (error) {
    ctx.logError('stations.registerPhoto: cloud storage download failed', error)
    throw new CloudError('NOT_FOUND', '找不到照片，请重新上传')
  }
  let type: ImageType
  try {
    type = checkPhotoBytes(bytes)
  } catch (refusal) {
    return refuse(refusal)
  }
  let kept = input.fileId
  if (staged) {
    try {
      kept = await wechat.uploadFile(`${STATION_PHOTOS_FOLDER}/${id}.${type === 'image/png' ? 'png' : 'jpg'}`, bytes)
    } catch (error) {
      // The staged file stays, so the same call again can finish.
      ctx.logError('stations.registerPhoto: public copy not written', error)
      throw new CloudError('WECHAT_UNAVAILABLE', '照片暂时保存不了，请稍后重试')
    }
  }
  const doc: PhotoDoc = { _id: id, owner: caller.openid, purpose: input.purpose, type, size: bytes.length, createdAt: ctx.now().toISOString(), cloudFileId: kept }
  const stored = (await insertOnce(photos, doc)).doc
  if (staged) await wechat.deleteFile(input.fileId).catch((error) => ctx.logError('stations.registerPhoto: staged file not deleted', error))
  return { photo: keptAs(stored) }
}
