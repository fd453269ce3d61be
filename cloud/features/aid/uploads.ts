import { CloudError } from '../../../domain/errors'
import type { ActionContext } from '../../lib/context'
import type { Store } from '../../lib/store/port'
import { aidDb, type FileDoc } from './collections'

/**
 * Uploads cost storage; nothing else limits them (#14: one account put 10 × 5 MB in 0.2 s, none of
 * it used). An application needs a handful of documents, a correction a few more: 20 a day is far
 * above a family's need and keeps one account from filling the disk or the bucket.
 */
export const UPLOADS_PER_DAY = 20
const DAY_MS = 24 * 3600 * 1000
/** A file no application refers to is deleted by the daily job once it is this old. */
export const UNUSED_UPLOAD_KEPT_MS = DAY_MS
const PURGE_BATCH = 500

/** Refuses an account's upload when it already made UPLOADS_PER_DAY in the last 24 hours. */
export async function requireUploadQuota(store: Store, openid: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - DAY_MS).toISOString()
  if ((await aidDb(store).files.count({ owner: openid, createdAt: { $gte: since } })) >= UPLOADS_PER_DAY) {
    throw new CloudError('RATE_LIMITED', `每天最多上传 ${UPLOADS_PER_DAY} 个文件，请明天再试`)
  }
}

/**
 * The daily job: files older than a day that no application refers to go, their record and their
 * bytes (cloud storage here; the local server deletes its own folder's files after this job).
 * Answers the ids it removed.
 */
export async function purgeUnusedUploads(ctx: ActionContext): Promise<{ removed: number; ids: string[] }> {
  const { files, applications } = aidDb(ctx.store)
  const cutoff = new Date(ctx.now().getTime() - UNUSED_UPLOAD_KEPT_MS).toISOString()
  const old: FileDoc[] = await files.find({ createdAt: { $lt: cutoff } }, { sort: { createdAt: 1 }, limit: PURGE_BATCH })
  const ids: string[] = []
  for (const file of old) {
    if ((await applications.count({ fileIds: file._id })) || (await applications.count({ visitFileIds: file._id }))) continue
    if (file.cloudFileId && ctx.wechat) {
      try {
        await ctx.wechat.deleteFile(file.cloudFileId)
      } catch (error) {
        ctx.logError('aid upload not deleted from cloud storage', error)
        continue
      }
    }
    // The filter repeats the age: a record that changed in between is left for tomorrow.
    if (await files.remove({ _id: file._id, createdAt: file.createdAt })) ids.push(file._id)
  }
  return { removed: ids.length, ids }
}
