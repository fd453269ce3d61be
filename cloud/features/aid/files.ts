import { createHash } from 'node:crypto'
import { FILE_LINK_SECONDS, MAX_UPLOAD_BYTES, sniffBytes } from '../../../domain/aid/files'
import { mayView, scopeUnions } from '../../../domain/aid/review'
import type { ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { signedIn, type ActionContext, type Caller } from '../../lib/context'
import { reviewScope } from '../../lib/roles'
import { insertOnce } from '../../lib/resume'
import type { Store } from '../../lib/store/port'
import type { WechatServices } from '../../lib/wechat'
import { aidDb, type FileDoc } from './collections'
import { requireUploadQuota } from './uploads'

/**
 * Who may read an uploaded document: its owner, or staff and reviewers who review an application of that owner
 * that references it. Everyone else learns nothing (callers answer NOT_FOUND). One rule for the
 * local server's GET /api/files/<id> and for WeChat's short-lived links.
 */
export async function mayReadFile(store: Store, caller: Caller, file: FileDoc): Promise<boolean> {
  if (file.owner === caller.openid) return true
  const scope = reviewScope(caller)
  if (!scopeUnions(scope).length) return false
  // One family's applications that cite this file: a handful (one per child per year).
  const apps = await aidDb(store).applications.find({ fileIds: file._id, owner: file.owner }, { limit: 100 })
  if (apps.some((a) => mayView(a.unionPath, scope))) return true
  // A home-visit photo, the level-one reviewer's upload: the application's other reviewers read it (level two before approving).
  const visited = await aidDb(store).applications.find({ visitFileIds: file._id }, { limit: 10 })
  return visited.some((a) => mayView(a.unionPath, scope))
}

/** The record id of a cloud-storage file: the same fileID always gives the same id. */
export const registeredId = (cloudFileId: string) => `wx${createHash('sha256').update(cloudFileId).digest('hex').slice(0, 32)}`

function requireWechat(ctx: ActionContext): WechatServices {
  if (!ctx.wechat) throw new CloudError('CLOUD_STORAGE_ONLY')
  return ctx.wechat
}

const answer = (doc: FileDoc) => ({ fileId: doc._id, name: doc.name ?? '', type: doc.type })

/** The answer for a file already registered: the owner gets it again; anyone else learns nothing. */
function again(doc: FileDoc, openid: string) {
  if (doc.owner !== openid) throw new CloudError('NOT_FOUND', '找不到文件，请重新上传')
  return answer(doc)
}

/**
 * Records a file the app uploaded to cloud storage as the caller's document, after reading it back
 * from cloud storage: at most 5 MB, and its first bytes say JPEG, PNG or PDF (the name proves
 * nothing). The first account to register a fileID owns it.
 */
export async function registerUpload(ctx: ActionContext, input: ActionParsed<'aid', 'registerUpload'>) {
  const wechat = requireWechat(ctx)
  const { openid } = signedIn(ctx)
  const files = aidDb(ctx.store).files
  const id = registeredId(input.fileId)
  const existing = await files.get(id)
  if (existing) return again(existing, openid)
  await requireUploadQuota(ctx.store, openid, ctx.now())
  let bytes: Buffer
  try {
    bytes = await wechat.downloadFile(input.fileId)
  } catch (error) {
    ctx.logError('aid.registerUpload: cloud storage download failed', error)
    throw new CloudError('NOT_FOUND', '找不到文件，请重新上传')
  }
  const type = sniffBytes(bytes)
  const refusal = bytes.length > MAX_UPLOAD_BYTES ? new CloudError('FILE_TOO_LARGE') : !type ? new CloudError('FILE_TYPE', '文件内容不是 JPG、PNG 图片或 PDF 文件') : null
  if (refusal || !type) {
    // Nobody may keep a refused file in cloud storage, the uploader included.
    await wechat.deleteFile(input.fileId).catch((error) => ctx.logError('aid.registerUpload: refused file not deleted', error))
    throw refusal ?? new CloudError('FILE_TYPE')
  }
  const doc: FileDoc = { _id: id, owner: openid, type, size: bytes.length, createdAt: ctx.now().toISOString(), cloudFileId: input.fileId, name: input.name }
  // Two registrations raced, or a retry after a crash: the first one stored wins (cloud/lib/resume.ts).
  return again((await insertOnce(files, doc)).doc, openid)
}

/** A short-lived link to a registered cloud-storage document, for its owner and its reviewers. */
export async function fileLink(ctx: ActionContext, input: ActionParsed<'aid', 'fileLink'>) {
  const wechat = requireWechat(ctx)
  const caller = signedIn(ctx)
  const file = await aidDb(ctx.store).files.get(input.fileId)
  if (!file?.cloudFileId || !(await mayReadFile(ctx.store, caller, file))) throw new CloudError('NOT_FOUND', '找不到文件')
  const url = await wechat.tempFileUrl(file.cloudFileId, FILE_LINK_SECONDS)
  return { url, type: file.type, expiresAt: new Date(ctx.now().getTime() + FILE_LINK_SECONDS * 1000).toISOString() }
}
