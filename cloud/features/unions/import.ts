import * as v from 'valibot'
import { UnionCode } from '../../../domain/join/form'
import { validateUnionRow, type UnionRow } from '../../../domain/unions'
import { collections, type UnionDoc } from '../../lib/collections'
import type { ImportRow, RejectedRow } from '../../lib/import-rows'
import type { Store } from '../../lib/store/port'
import { findByIds, forEachPage } from '../../lib/store/read'
import { takeCode, takenCodes } from './codes'
import { chainsOf, derivedUnion, differences, followChanges, type Chain, type TreeNode, type UnionChanges, type UnionFields } from './tree'

export interface UnionImportReport {
  /** False when any row was refused: then nothing at all was written. */
  applied: boolean
  inserted: number
  updated: number
  unchanged: number
  /** Stored unions not in the file whose ancestors or search terms followed a renamed or moved union above them. */
  followed: number
  rejected: RejectedRow[]
}

/** The fields an import sets (and compares): a union's other fields (transferReleaseDays, code, …) are left as they are. */
const IMPORTED = ['name', 'level', 'parentId', 'ancestors', 'regionCode', 'status', 'terms'] as const

const codeOf = (fields: Record<string, unknown>) => (typeof fields.code === 'string' ? fields.code.trim() : fields.code === undefined || fields.code === null ? '' : String(fields.code))

const fieldsOf = (row: UnionRow): UnionFields => ({ _id: row.code, name: row.name, level: row.level, parentId: row.parentCode, regionCode: row.regionCode, status: row.status })

/**
 * Imports a union tree (工会组织) into `store` (the embedded one, or WeChat's through the same
 * adapter). All or nothing: every row is checked first, on its own (validateUnionRow) and against
 * the tree (a unique code, a parent in the file or the store, no cycle); if any is refused, each is
 * reported with its line and reasons and nothing is written. Otherwise each union gets its
 * ancestors and search terms (tree.ts), and only what differs from the store is written; a renamed
 * or moved union's stored descendants follow it (their ancestors and terms). Nothing is deleted.
 * A new union's code is taken for good in `unionCodes` as 组织管理 takes codes (codes.ts), so a code
 * a clerk took (an add, a union's later code) is refused here; a union closed in the app stays closed.
 *
 * Written in an order that a second run completes if the first stops half-way: the new unions,
 * then the descendants that follow a change, and only then the changed unions themselves (a run
 * that stopped before them finds them still different and makes their descendants follow again).
 */
export async function importUnions(store: Store, rows: Iterable<ImportRow>, now: Date = new Date()): Promise<UnionImportReport> {
  const { unions } = collections(store)
  const report: UnionImportReport = { applied: false, inserted: 0, updated: 0, unchanged: 0, followed: 0, rejected: [] }

  // 1. Each row on its own, and codes unique in the file.
  const firstLine = new Map<string, number>()
  const valid = new Map<string, { line: number; row: UnionRow }>()
  // Refused rows that name a well-formed parent: whether it exists is said too, so one run lists every reason.
  const refusedParents: Array<{ rejected: RejectedRow; parent: string }> = []
  for (const { line, fields } of rows) {
    const code = codeOf(fields)
    const result = validateUnionRow(fields)
    const reasons = result.ok ? [] : [...result.reasons]
    if (code && firstLine.has(code)) reasons.push(`工会编码重复：第 ${firstLine.get(code)} 行已有 ${code}`)
    else if (code) firstLine.set(code, line)
    if (result.ok && !reasons.length) {
      valid.set(code, { line, row: result.union })
      continue
    }
    const rejected = { line, code, reasons }
    report.rejected.push(rejected)
    const parent = codeOf({ code: fields.parentCode })
    if (parent && parent !== code && v.is(UnionCode, parent)) refusedParents.push({ rejected, parent })
  }

  // 2. The stored unions the tree needs: the file's own (to compare), their parents outside the
  // file, and everything above those parents (their stored ancestors), in two batched reads.
  const stored = new Map<string, UnionDoc>()
  const remember = (docs: UnionDoc[]) => docs.forEach((d) => stored.set(d._id, d))
  remember(await findByIds(unions, [...firstLine.keys()]))
  const parents = [...[...valid.values()].map(({ row }) => row.parentCode), ...refusedParents.map((r) => r.parent)].filter((id): id is string => id !== null && !firstLine.has(id) && !stored.has(id))
  remember(await findByIds(unions, parents))
  for (const { rejected, parent } of refusedParents) if (!firstLine.has(parent) && !stored.has(parent)) rejected.reasons.push(missingParent(parent))
  const above = [...stored.values()].flatMap((d) => d.ancestors).filter((id) => !firstLine.has(id) && !stored.has(id))
  remember(await findByIds(unions, above))

  // The tree as it will be: the file's rows over the stored unions. A refused row is no node.
  const nodeOf = (id: string): TreeNode | undefined => {
    const inFile = valid.get(id)
    if (inFile) return { _id: id, name: inFile.row.name, parentId: inFile.row.parentCode }
    if (firstLine.has(id)) return undefined
    return stored.get(id)
  }
  const chains = chainsOf(valid.keys(), nodeOf)
  for (const [code, { line, row }] of valid) {
    const reason = chainProblem(code, row, chains.get(code)!, firstLine)
    if (reason === null) continue
    // A parent whose own row was refused: that row's reasons say it all.
    if (reason) report.rejected.push({ line, code, reasons: [reason] })
    valid.delete(code)
  }

  // A code taken in the app (组织管理: a union's later code, or an add) is never given to another
  // union here; nothing open goes below a closed union; and a closed union stays closed (only
  // 组织管理 closes, after its checks), whatever status its row says.
  const taken = await takenCodes(store, [...valid.keys()].filter((code) => !stored.has(code)))
  const statusOf = (id: string) => (stored.get(id)?.status === 'closed' ? 'closed' : (valid.get(id)?.row.status ?? stored.get(id)?.status))
  for (const [code, { line, row }] of valid) {
    const held = taken.get(code)
    const reasons: string[] = []
    if (held && !(held.unionId === code && held.reservedBy === IMPORTER)) reasons.push(`工会编码已被使用（在小程序中新增或改码时占用，不再分配给别的工会）：${code}`)
    if (row.parentCode && statusOf(code) !== 'closed' && statusOf(row.parentCode) === 'closed') reasons.push(`上级工会已撤销：${row.parentCode}，其下不能再有未撤销的工会`)
    if (reasons.length) report.rejected.push({ line, code, reasons })
  }
  if (report.rejected.length) {
    report.rejected.sort((a, b) => a.line - b.line)
    return report
  }

  // 3. What to write: each row's union as stored, against the stored one.
  const fresh: UnionDoc[] = []
  const changed: Array<{ id: string; changes: UnionChanges }> = []
  const moved: UnionDoc[] = []
  for (const [code, { row }] of valid) {
    const chain = chains.get(code) as Extract<Chain, { ok: true }>
    const target = derivedUnion({ ...fieldsOf(row), status: statusOf(code) ?? row.status }, chain.above)
    const old = stored.get(code)
    if (!old) {
      fresh.push(target)
      continue
    }
    const changes = differences(target, old, IMPORTED)
    if (!Object.keys(changes).length) report.unchanged++
    else changed.push({ id: code, changes })
    if ('name' in changes || 'ancestors' in changes) moved.push(old)
  }

  // 4. The stored unions below a renamed or moved one follow it. One read per subtree: a union
  // below another that also changed is already in that one's subtree (by its stored ancestors).
  const movedIds = new Set(moved.map((d) => d._id))
  const below = new Map<string, UnionDoc>()
  for (const top of moved) {
    if (top.ancestors.some((id) => movedIds.has(id))) continue
    await forEachPage(unions, { ancestors: top._id }, (page) => page.forEach((d) => !valid.has(d._id) && below.set(d._id, d)))
  }
  below.forEach((d) => stored.set(d._id, d))
  const following = followChanges(below.values(), nodeOf)

  // 5. Write: the new unions' codes (taken for good, as 组织管理 takes them), new unions, then those
  // that follow, then the changed ones (see above for why). A code taken in the app since the check
  // stops the run before any union is written; the codes taken so far are this importer's to reuse.
  const at = now.toISOString()
  for (const doc of fresh) {
    if ((await takeCode(store, { code: doc._id, unionId: doc._id, by: IMPORTER, at, forNewUnion: true })) === 'taken') {
      throw new Error(`工会编码 ${doc._id} 刚在小程序中被占用，未写入任何工会；请改用别的编码后重新导入`)
    }
  }
  report.applied = true
  report.inserted = fresh.length ? await unions.insertMany(fresh) : 0
  for (const { id, changes } of following) report.followed += await unions.update({ _id: id }, { set: changes })
  for (const { id, changes } of changed) report.updated += await unions.update({ _id: id }, { set: changes })
  return report
}

/** Who takes a code when the importer does (UnionCodeDoc.reservedBy). */
const IMPORTER = 'import'

const missingParent = (code: string) => `上级工会不存在（文件和库中都没有）：${code}`

/** Why a row's place in the tree is refused: a reason, '' when its parent's own row was refused, null when fine. */
function chainProblem(code: string, row: UnionRow, chain: Chain, inFile: Map<string, number>): string | null {
  if (chain.ok) return null
  if ('cycle' in chain) {
    // Told from the row's own union when it is on the cycle.
    const at = Math.max(0, chain.cycle.indexOf(code))
    const cycle = [...chain.cycle.slice(at), ...chain.cycle.slice(0, at)]
    const loop = [...cycle, cycle[0]].join(' → ')
    return chain.cycle.includes(code) ? `上级关系成环：${loop}` : `上级工会处在成环的上级关系中：${loop}`
  }
  if (inFile.has(chain.missing)) return ''
  return chain.missing === row.parentCode ? missingParent(chain.missing) : `上级工会 ${row.parentCode} 的上级链不完整：库中没有 ${chain.missing}`
}
