import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type http from 'node:http'
import { aidDb, type FileDoc } from '../cloud/features/aid/collections'
import type { Clock } from '../cloud/lib/clock'
import { collections } from '../cloud/lib/collections'
import type { Identity } from '../cloud/lib/context'
import { staffUnionIds } from '../cloud/lib/roles'
import type { Store } from '../cloud/lib/store/port'
import { MAX_UPLOAD_BYTES, type UploadType } from '../src/domain/aid/files'
import { mayView } from '../src/domain/aid/review'
import { CloudError } from '../src/domain/errors'
import { readBody, sendJson } from './http'

/**
 * Documents for 金秋助学 on the local home: POST /api/upload takes the raw file (JPEG, PNG or PDF,
 * at most 5 MB, checked by its first bytes, not only its header) and GET /api/files/<id> serves it
 * to its owner and to the reviewers of the application that references it. In WeChat the app
 * uploads to cloud storage instead (src/platform/upload.weapp.ts).
 */
const MAGIC: Array<[UploadType, number[]]> = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
]

/** The declared type, if the bytes agree with it; null otherwise. */
export function sniff(declared: string, bytes: Buffer): UploadType | null {
  const type = declared.split(';')[0].trim().toLowerCase()
  const row = MAGIC.find(([t]) => t === type)
  return row && row[1].every((b, i) => bytes[i] === b) ? row[0] : null
}

export interface UploadDeps {
  store: Store
  clock: Clock
  dir: string
}

export function createUploads(deps: UploadDeps) {
  const files = aidDb(deps.store).files

  async function upload(req: http.IncomingMessage, res: http.ServerResponse, identity: Identity | null) {
    if (!identity) throw new CloudError('UNAUTHENTICATED')
    const declared = String(req.headers['content-type'] ?? '')
    if (!MAGIC.some(([t]) => declared.toLowerCase().startsWith(t))) throw new CloudError('FILE_TYPE')
    const body = await readBody(req, MAX_UPLOAD_BYTES, 'FILE_TOO_LARGE')
    const type = sniff(declared, body)
    if (!type) throw new CloudError('FILE_TYPE', '文件内容与类型不符：只能上传 JPG、PNG 图片或 PDF 文件')
    const id = randomBytes(16).toString('hex')
    fs.mkdirSync(deps.dir, { recursive: true })
    await fs.promises.writeFile(path.join(deps.dir, id), body)
    await files.insert({ _id: id, owner: identity.openid, type, size: body.length, createdAt: deps.clock.now().toISOString() })
    sendJson(res, 200, { ok: true, data: { fileId: id, type, size: body.length } })
  }

  /** Owner, or staff who review an application that references the file; everyone else: 404. */
  async function mayRead(identity: Identity, file: FileDoc): Promise<boolean> {
    if (file.owner === identity.openid) return true
    const roots = staffUnionIds({ openid: identity.openid, roles: await collections(deps.store).roles.find({ openid: identity.openid }) })
    if (!roots.length) return false
    const apps = await aidDb(deps.store).applications.find({ fileIds: file._id, owner: file.owner })
    return apps.some((a) => mayView(a.unionPath, roots))
  }

  async function serve(res: http.ServerResponse, identity: Identity | null, id: string) {
    if (!identity) throw new CloudError('UNAUTHENTICATED')
    const file = /^[0-9a-f]{32}$/.test(id) ? await files.get(id) : null
    if (!file || !(await mayRead(identity, file))) throw new CloudError('NOT_FOUND', '找不到文件')
    const body = await fs.promises.readFile(path.join(deps.dir, id))
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': body.length, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': 'inline' })
    res.end(body)
  }

  return { upload, serve }
}
