import fs from 'node:fs'
import path from 'node:path'
import type http from 'node:http'
import { stationsDb } from '../cloud/features/stations/collections'
import { checkPhotoBytes, keptAs, localPhotoId, mayViewPhoto, requirePhotoUpload } from '../cloud/features/stations/photos'
import { resolveCaller, type Identity } from '../cloud/lib/context'
import { insertOnce } from '../cloud/lib/resume'
import { LOCAL_PHOTO_ID, MAX_PHOTO_BYTES, PHOTO_PURPOSES, type PhotoPurpose } from '../domain/stations/photos'
import { CloudError } from '../domain/errors'
import { readBody, sendJson } from './http'
import type { UploadDeps } from './uploads'

/**
 * Station and report photos on the local home, beside 金秋助学's documents (uploads.ts) and in the
 * same folder: POST /api/photos?for=station|report takes the raw image (checked by its first bytes:
 * a PDF or a renamed file is 不是图片…; at most 5 MB) and GET /api/photos/<id> serves a station's to
 * anyone and a report's only to its sender and the managing union's clerks. In WeChat the app puts
 * photos in cloud storage and stations.registerPhoto records them (the same checks, cloud/features/stations/photos.ts).
 */
export function createPhotos(deps: UploadDeps) {
  const photos = stationsDb(deps.store).photos

  async function upload(req: http.IncomingMessage, res: http.ServerResponse, identity: Identity | null, purposeParam: string | null) {
    if (!identity) throw new CloudError('UNAUTHENTICATED')
    const purpose = PHOTO_PURPOSES.find((p) => p === purposeParam) as PhotoPurpose | undefined
    if (!purpose) throw new CloudError('BAD_REQUEST', '照片用途不对')
    const caller = await resolveCaller(deps.store, identity)
    await requirePhotoUpload(deps.store, caller, purpose, deps.clock.now())
    const body = await readBody(req, MAX_PHOTO_BYTES, 'FILE_TOO_LARGE')
    const type = checkPhotoBytes(body)
    // As uploads.ts: bytes first, then the record, both named after owner and bytes, so a retry after a crash finishes the same one.
    const id = localPhotoId(identity.openid, body)
    fs.mkdirSync(deps.dir, { recursive: true })
    await fs.promises.writeFile(path.join(deps.dir, id), body)
    const { doc } = await insertOnce(photos, { _id: id, owner: identity.openid, purpose, type, size: body.length, createdAt: deps.clock.now().toISOString() })
    sendJson(res, 200, { ok: true, data: { photo: keptAs(doc) } })
  }

  async function serve(res: http.ServerResponse, identity: Identity | null, id: string) {
    const doc = LOCAL_PHOTO_ID.test(id) ? await photos.get(id) : null
    const caller = identity ? await resolveCaller(deps.store, identity) : null
    if (!doc || doc.cloudFileId || !(await mayViewPhoto(deps.store, caller, doc))) throw new CloudError('NOT_FOUND', '找不到照片')
    const body = await fs.promises.readFile(path.join(deps.dir, id))
    const cache = doc.purpose === 'station' ? 'public, max-age=86400' : 'private, no-store'
    res.writeHead(200, { 'Content-Type': doc.type, 'Content-Length': body.length, 'Cache-Control': cache, 'X-Content-Type-Options': 'nosniff' })
    res.end(body)
  }

  return { upload, serve }
}
