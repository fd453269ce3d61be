import { cardFor, idFor } from '../../server/seed/samples'
import { aidDb } from '../../cloud/features/aid/collections'
import type { WechatStandIn } from '../stand-ins/wechat-services'
import type { Store } from '../../cloud/lib/store/port'

/** The made-up ID, card and files live with the demo data; the tests and the benchmark share them. */
export { cardFor, idFor, PDF, PNG } from '../../server/seed/samples'

let seq = 0
/** Records an uploaded file owned by `owner` (what POST /api/upload does). */
export async function fakeFile(store: Store, owner: string, type: 'image/png' | 'application/pdf' = 'image/png'): Promise<string> {
  const id = `file-${++seq}-${owner}`
  await aidDb(store).files.insert({ _id: id, owner, type, size: 100, createdAt: '2026-11-23T00:00:00.000Z' })
  return id
}

export const NO_EXCLUSION = { military: false, free_teacher: false, directed: false, government_aid: false }

/** A home visit as level one records it (#15), with one photo the reviewer uploaded. */
export async function visitInput(store: Store, reviewer: string, applicationId: string, over: Record<string, unknown> = {}) {
  return {
    applicationId,
    visitedOn: '2026-11-23',
    visitors: '王某某、李某某（示例）',
    checks: { housing: true, members: true, income: true, enrolled: true },
    note: '家中陈设简陋，情况属实（示例）',
    photos: [await fakeFile(store, reviewer)],
    ...over,
  }
}

/** Level one's review as the seed programme wants it: the home visit recorded, then verified. */
export async function visitAndVerify(h: { store: Store; callAs: (who: string | null, fn: 'aid', action: string, input?: unknown) => Promise<CloudAnswer> }, applicationId: string, reviewer = 'demo-clerk') {
  ok(await h.callAs(reviewer, 'aid', 'recordVisit', await visitInput(h.store, reviewer, applicationId)))
  return h.callAs(reviewer, 'aid', 'review', { applicationId, decision: 'verify' })
}

export async function applicationInput(store: Store, owner: string, over: Record<string, unknown> = {}) {
  return {
    programmeId: 'aid-hhht-2026',
    idempotencyKey: `key-${++seq}-abcdef`,
    child: { name: '张小明', idNumber: idFor('20080510'), relation: 'parent', school: '内蒙古大学（示例）', major: '计算机', admissionYear: 2026, level: 'undergraduate' },
    household: { size: 3, annualIncomeFen: 3_600_000, category: 'dibao', description: '父亲因病无法工作（示例）', migrantWorker: false },
    declarations: NO_EXCLUSION,
    documents: [
      { kind: 'admission_letter', fileId: await fakeFile(store, owner) },
      { kind: 'hardship_proof', fileId: await fakeFile(store, owner, 'application/pdf') },
    ],
    consents: { sensitive: true },
    payout: { bank: '示例银行', cardNumber: cardFor() },
    ...over,
  }
}

/** What the dispatcher answers, as the cloud tests read it. */
export type CloudAnswer = { ok: boolean; data?: unknown; error?: { code: string; message?: string; fields?: Record<string, string> } }

/** The data of a success; a failure fails the test with its error. */
export function ok<T = any>(result: CloudAnswer): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.data as T
}

/** The code of a failure; a success fails the test. */
export function code(result: CloudAnswer): string {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`)
  return result.error!.code
}

/**
 * The CSV an export delivered: in the answer on the embedded home, behind the link in (stand-in)
 * cloud storage in WeChat.
 */
export function exportedCsv(h: { wx: WechatStandIn | null }, out: { csv: string | null; url: string | null }): string {
  if (out.csv !== null) return out.csv
  if (!out.url || !h.wx) throw new Error('an export with neither CSV nor link')
  const path = decodeURI(new URL(out.url).pathname.slice(1))
  const fileID = [...h.wx.storage.keys()].find((id) => id.endsWith(`/${path}`))
  if (!fileID) throw new Error(`no file behind ${out.url}`)
  return h.wx.storage.get(fileID)!.toString('utf8')
}
