import type { ActionContext } from './context'
import { signedIn } from './context'
import type { CollectionIndexes, Doc, Store } from './store/port'
import type { WechatServices } from './wechat'

/** A CSV export put in WeChat's cloud storage: deleted by the daily job a day later. */
export interface ExportDoc extends Doc {
  cloudPath: string
  /** Set once the upload finished. */
  fileId: string | null
  createdAt: string
  by: string
  /** Deletes WeChat refused so far. */
  attempts?: number
}

/**
 * Every feature's exports (金秋助学's finance list, the 台账's): one record per file, so one daily job
 * deletes them all. The collection keeps the name it had when only 金秋助学 exported, so files
 * recorded before are still deleted.
 */
export const exportFiles = (store: Store) => store.collection<ExportDoc>('aidExports')

export const EXPORT_COLLECTIONS: CollectionIndexes = {
  aidExports: [{ fields: ['createdAt'] }],
}

/** The folder in cloud storage, by what the file lists. */
export type ExportKind = 'aid' | 'ledger'

/** How long the link to an export works, and how long the file stays in cloud storage. */
export const EXPORT_LINK_SECONDS = 10 * 60
export const EXPORT_KEPT_MS = 24 * 3600 * 1000

/**
 * In WeChat an export goes to cloud storage and the answer is a short-lived link: a cloud
 * function's answer is at most 1 MB (https://docs.cloudbase.net/en/error-code/EXCEED_MAX_RESPONSE_SIZE),
 * and a programme's list is more. The file holds personal data, so it is recorded before it is
 * uploaded and the daily job deletes it a day later (storage rules keep exports/ private).
 */
export async function putExport(ctx: ActionContext, wechat: WechatServices, kind: ExportKind, csv: string): Promise<string> {
  const id = ctx.newId()
  const cloudPath = `exports/${kind}/${id}.csv`
  const exports = exportFiles(ctx.store)
  await exports.insert({ _id: id, cloudPath, fileId: null, createdAt: ctx.now().toISOString(), by: signedIn(ctx).openid })
  const fileId = await wechat.uploadFile(cloudPath, Buffer.from(csv, 'utf8'))
  await exports.update({ _id: id }, { set: { fileId } })
  return wechat.tempFileUrl(fileId, EXPORT_LINK_SECONDS)
}

/** Exports older than a day, this many per run (the next run takes the rest). */
export const PURGE_BATCH = 200

/** A file WeChat refuses to delete this often is taken as gone (the answer does not tell why). */
const DELETE_ATTEMPTS = 3

/**
 * The daily job: deletes exports older than a day from cloud storage, then their records. A refused
 * delete is tried again the next day, up to DELETE_ATTEMPTS times. A record whose upload never
 * finished (no fileId) only loses its record: there is no file id to delete (its name is random and
 * it cannot be reached without one).
 */
export async function purgeExports(ctx: ActionContext): Promise<{ removed: number }> {
  const cutoff = new Date(ctx.now().getTime() - EXPORT_KEPT_MS).toISOString()
  const exports = exportFiles(ctx.store)
  const due = await exports.find({ createdAt: { $lt: cutoff } }, { sort: { createdAt: 1 }, limit: PURGE_BATCH })
  let removed = 0
  for (const doc of due) {
    if (doc.fileId && ctx.wechat) {
      try {
        await ctx.wechat.deleteFile(doc.fileId)
      } catch (error) {
        const attempts = (doc.attempts ?? 0) + 1
        ctx.logError(`export not deleted from cloud storage (attempt ${attempts})`, error)
        if (attempts < DELETE_ATTEMPTS) {
          await exports.update({ _id: doc._id }, { set: { attempts } })
          continue
        }
      }
    }
    removed += await exports.remove({ _id: doc._id })
  }
  return { removed }
}
