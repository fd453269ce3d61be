import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type http from 'node:http'
import { aidDb } from '../cloud/features/aid/collections'
import { mayReadFile } from '../cloud/features/aid/files'
import { requireUploadQuota } from '../cloud/features/aid/uploads'
import type { Clock } from '../cloud/lib/clock'
import { resolveCaller, type Identity } from '../cloud/lib/context'
import { insertOnce } from '../cloud/lib/resume'
import type { Store } from '../cloud/lib/store/port'
import { declaredType, MAX_UPLOAD_BYTES, sniff } from '../domain/aid/files'
import { CloudError } from '../domain/errors'
import { readBody, sendJson } from './http'

/**
 * Documents for 金秋助学 on the local home: POST /api/upload takes the raw file (JPEG, PNG or PDF,
 * at most 5 MB, checked by its first bytes, not only its header) and GET /api/files/<id> serves it
 * to its owner and to the reviewers of the application that references it. In WeChat the app
 * uploads to cloud storage instead (src/platform/upload.weapp.ts).
 */
export interface UploadDeps {
  store: Store
  clock: Clock
  dir: string
}

export function createUploads(deps: UploadDeps) {
  const files = aidDb(deps.store).files

  async function upload(req: http.IncomingMessage, res: http.ServerResponse, identity: Identity | null) {
    if (!identity) throw new CloudError('UNAUTHENTICATED')
    await requireUploadQuota(deps.store, identity.openid, deps.clock.now())
    const declared = String(req.headers['content-type'] ?? '')
    if (!declaredType(declared)) throw new CloudError('FILE_TYPE')
    const body = await readBody(req, MAX_UPLOAD_BYTES, 'FILE_TOO_LARGE')
    const type = sniff(declared, body)
    if (!type) throw new CloudError('FILE_TYPE', '文件内容与类型不符：只能上传 JPG、PNG 图片或 PDF 文件')
    // Two steps (the bytes on disk, then the record), each safe to run again (cloud/lib/resume.ts):
    // the id comes from the owner and the bytes, so the same upload tried again after a crash in
    // between writes the same file and finds or finishes the same record, and leaves no orphan.
    const id = createHash('sha256').update(`${identity.openid}\n`).update(body).digest('hex').slice(0, 32)
    fs.mkdirSync(deps.dir, { recursive: true })
    await fs.promises.writeFile(path.join(deps.dir, id), body)
    await insertOnce(files, { _id: id, owner: identity.openid, type, size: body.length, createdAt: deps.clock.now().toISOString() })
    sendJson(res, 200, { ok: true, data: { fileId: id, type, size: body.length } })
  }

  async function serve(res: http.ServerResponse, identity: Identity | null, id: string) {
    if (!identity) throw new CloudError('UNAUTHENTICATED')
    const file = /^[0-9a-f]{32}$/.test(id) ? await files.get(id) : null
    if (!file || !(await mayReadFile(deps.store, await resolveCaller(deps.store, identity), file))) throw new CloudError('NOT_FOUND', '找不到文件')
    const body = await fs.promises.readFile(path.join(deps.dir, id))
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': body.length, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': 'inline' })
    res.end(body)
  }

  return { upload, serve }
}
