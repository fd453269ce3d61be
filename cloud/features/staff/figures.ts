import { AID_STATUS_NAMES, type ApplicationState } from '../../../domain/aid/machine'
import { HARDSHIP_NAMES, SCHOOL_LEVEL_NAMES } from '../../../domain/aid/programme'
import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { EMPLOYMENT_KEYS, EMPLOYMENT_TYPES } from '../../../domain/join/options'
import { DURATION_BUCKETS_H, quantileText, rateText, resolvePeriod, type DayRange, type FigureTable } from '../../../domain/staff/figures'
import { isOpenAt } from '../../../domain/stations/hours'
import { chinaDayBegins } from '../../../domain/time'
import type { UnionDoc } from '../../lib/collections'
import type { ActionContext } from '../../lib/context'
import { isStaffOf, requireAnyStaff } from '../../lib/roles'
import { findByIds, forEachPage, forEachPageOf } from '../../lib/store/read'
import { aidDb } from '../aid/collections'
import { benefitsDb } from '../benefits/collections'
import { joinDb } from '../join/collections'
import { stationsDb, storedHours } from '../stations/collections'
import { countsOver } from './counts'
import { C, type Counts } from './tally'

/** 八大群体 (#17): the eight groups of new-employment-form workers the ACFTU names; 网约车司机 beside them. */
const EIGHT_GROUPS = new Set(['truck_driver', 'courier', 'caregiver', 'domestic', 'mall_info', 'food_delivery', 'real_estate_agent', 'security_guard'])
const groupOf = (key: string) => (key === 'employee' ? '单位职工' : EIGHT_GROUPS.has(key) ? '八大群体' : key === 'ride_hailing' ? '新就业形态' : '其他')

/** The union whose figures the caller asked for: their own (the first), or one of their subtree. */
async function scopeUnion(ctx: ActionContext, unionId: string | undefined): Promise<UnionDoc> {
  const roots = requireAnyStaff(ctx, '统计仅限工会工作人员查看')
  const union = await ctx.db.unions.get(unionId ?? roots[0])
  if (!union) throw new CloudError('NOT_FOUND', '找不到这个工会，请核对后重试')
  if (!isStaffOf(ctx.caller, union)) throw new CloudError('FORBIDDEN', '只能查看本工会及下级工会的统计')
  return union
}

const times = (c: Counts, prefix: (i: number) => string) => Array.from({ length: DURATION_BUCKETS_H.length + 1 }, (_, i) => c[prefix(i)] ?? 0)

/** Adds counts into a map entry. */
function addInto(map: Map<string, Counts>, key: string, counts: Counts): void {
  const into = map.get(key) ?? {}
  for (const [k, n] of Object.entries(counts)) into[k] = (into[k] ?? 0) + n
  map.set(key, into)
}

/**
 * review.figures: a union's figures over a range of China days, by the unions directly below it.
 * Joins, transfers and coupons come from the counters (tally.ts, read by counts.ts): a year at
 * the root is about its children × 15 documents, whatever the number of applications. 金秋助学
 * (a few thousand a year) and stations (a snapshot: open now) are read from their own records.
 */
export async function figures(ctx: ActionContext, input: ActionParsed<'review', 'figures'>): Promise<ActionOutput<'review', 'figures'>> {
  const range = resolvePeriod(input.period, ctx.now(), input)
  if ('error' in range) throw new CloudError('INVALID_INPUT', range.error, { from: range.error })
  const union = await scopeUnion(ctx, input.unionId)
  const start = chinaDayBegins(range.from) as Date
  const end = new Date((chinaDayBegins(range.to) as Date).getTime() + 24 * 3600 * 1000)
  const [rows, aid, stations] = await Promise.all([countsOver(ctx.store, union._id, range), aidFigures(ctx, union._id, start.toISOString(), end.toISOString()), stationFigures(ctx, union._id, range)])
  for (const key of [...aid.byRow.keys(), ...stations.keys()]) if (!rows.has(key)) rows.set(key, {})
  for (const [key, counts] of stations) addInto(rows, key, counts)

  const children = await ctx.db.unions.find({ parentId: union._id }, { limit: 200, sort: { name: 1 } })
  const named = new Map([[union._id, `本级（${union.name}）`], ...children.map((u) => [u._id, u.name] as const)])
  for (const u of await findByIds(ctx.db.unions, [...rows.keys()].filter((id) => !named.has(id)))) named.set(u._id, u.name)
  // Every direct child gets a row, quiet ones too (a zero is a figure); then the union itself and a total.
  const order = [...children.map((u) => u._id), ...[...rows.keys()].filter((id) => id !== union._id && !children.some((c) => c._id === id)), union._id]
  const byRow = order.map((id) => ({ label: named.get(id) ?? id, counts: rows.get(id) ?? {}, aid: aid.byRow.get(id) }))
  const total: Counts = {}
  for (const c of rows.values()) for (const [k, n] of Object.entries(c)) total[k] = (total[k] ?? 0) + n
  const all = [...byRow, { label: '合计', counts: total, aid: aid.total }]

  const tables: FigureTable[] = [
    {
      key: 'members',
      title: '会员增减',
      columns: ['入会', '转入', '转出', '其中农民工入会'],
      bar: 0,
      rows: all.map((r) => ({ label: r.label, values: [r.counts[C.joinOk] ?? 0, r.counts[C.transferIn] ?? 0, r.counts[C.transferOut] ?? 0, r.counts[C.rural] ?? 0] })),
    },
    {
      key: 'employment',
      title: '入会会员的就业形态',
      columns: ['入会', '类别'],
      bar: 0,
      rows: EMPLOYMENT_KEYS.map((k) => ({ label: EMPLOYMENT_TYPES[k], values: [total[C.employment(k)] ?? 0, groupOf(k)] })),
    },
    decisionTable('joinDecisions', '入会审核', all, C.joinOk, C.joinNo, C.joinLate, C.joinTime),
    decisionTable('transferDecisions', '转会办理（转入方）', all, C.trOk, C.trNo, C.trLate, C.trTime),
    {
      key: 'coupons',
      title: '普惠券',
      columns: ['领取', '核销', '核销率'],
      bar: 0,
      rows: all.map((r) => ({ label: r.label, values: [r.counts[C.claimed] ?? 0, r.counts[C.redeemed] ?? 0, rateText(r.counts[C.redeemed] ?? 0, r.counts[C.claimed] ?? 0)] })),
    },
    ...(await couponTables(ctx, total)),
    ...aidTables(all, aid),
    {
      key: 'stations',
      title: '职工驿站',
      columns: ['驿站数', '正在开放', '打卡到访', '其中未登录', '会员核验'],
      bar: 0,
      rows: all.map((r) => ({ label: r.label, values: [r.counts.st ?? 0, r.counts.st_open ?? 0, r.counts.st_visits ?? 0, r.counts.st_anon ?? 0, r.counts.st_checks ?? 0] })),
    },
  ]
  return { union: { id: union._id, name: union.name }, from: range.from, to: range.to, tables }
}

function decisionTable(key: string, title: string, all: Array<{ label: string; counts: Counts }>, ok: string, no: string, late: string, time: (i: number) => string): FigureTable {
  return {
    key,
    title,
    columns: ['通过', '不通过', '用时中位数', '用时 90% 以内', '超过时限'],
    bar: 0,
    rows: all.map(({ label, counts }) => ({ label, values: [counts[ok] ?? 0, counts[no] ?? 0, quantileText(times(counts, time), 0.5), quantileText(times(counts, time), 0.9), counts[late] ?? 0] })),
  }
}

/** Coupons by offer and by merchant, from the counters named after them. */
async function couponTables(ctx: ActionContext, total: Counts): Promise<FigureTable[]> {
  const per = (prefix: string) => {
    const map = new Map<string, { c: number; r: number }>()
    for (const [k, n] of Object.entries(total)) {
      const m = k.startsWith(prefix) ? /^(.*)_(c|r)$/.exec(k.slice(prefix.length)) : null
      if (!m) continue
      const entry = map.get(m[1]) ?? { c: 0, r: 0 }
      entry[m[2] as 'c' | 'r'] += n
      map.set(m[1], entry)
    }
    return [...map].sort((a, b) => b[1].c - a[1].c)
  }
  const offers = per('cpo_')
  const merchants = per('cpm_')
  const [offerDocs, merchantDocs] = await Promise.all([findByIds(benefitsDb(ctx.store).offers, offers.map(([id]) => id)), findByIds(ctx.db.merchants, merchants.map(([id]) => id))])
  const offerName = new Map(offerDocs.map((o) => [o._id, `${o.title}（${o.merchantName}）`]))
  const merchantName = new Map(merchantDocs.map((m) => [m._id, m.name]))
  const table = (key: string, title: string, list: Array<[string, { c: number; r: number }]>, names: Map<string, string>): FigureTable => ({
    key,
    title,
    columns: ['领取', '核销', '核销率'],
    bar: 0,
    rows: list.map(([id, n]) => ({ label: names.get(id) ?? id, values: [n.c, n.r, rateText(n.r, n.c)] })),
  })
  return [table('couponsByOffer', '普惠券（按活动）', offers, offerName), table('couponsByMerchant', '普惠券（按商户）', merchants, merchantName)]
}

interface AidRow {
  count: number
  approvedFen: number
  paidFen: number
}
const emptyAid = (): AidRow => ({ count: 0, approvedFen: 0, paidFen: 0 })

/** 金秋助学 applications submitted in the range under the union, by status, school level and hardship. */
async function aidFigures(ctx: ActionContext, unionId: string, from: string, to: string) {
  const byRow = new Map<string, AidRow>()
  const byStatus = new Map<string, number>()
  const byLevel = new Map<string, AidRow>()
  const byHardship = new Map<string, AidRow>()
  const total = emptyAid()
  await forEachPage(aidDb(ctx.store).applications, { unionPath: unionId, submittedAt: { $gte: from, $lt: to } }, (page) => {
    for (const a of page) {
      const at = a.unionPath.indexOf(unionId)
      const row = a.unionPath[at + 1] ?? unionId
      const approved = a.status === 'approved' || a.status === 'paid' ? a.amountFen ?? 0 : 0
      const paid = a.status === 'paid' ? a.amountFen ?? 0 : 0
      // An erased application keeps its status only: counted, with no level or hardship to show.
      const level = a.child?.level ? SCHOOL_LEVEL_NAMES[a.child.level] ?? a.child.level : '（已删除）'
      const hardship = a.household?.category ? HARDSHIP_NAMES[a.household.category] ?? a.household.category : '（已删除）'
      for (const [map, key] of [[byRow, row], [byLevel, level], [byHardship, hardship]] as const) {
        const entry = map.get(key) ?? emptyAid()
        entry.count += 1
        entry.approvedFen += approved
        entry.paidFen += paid
        map.set(key, entry)
      }
      total.count += 1
      total.approvedFen += approved
      total.paidFen += paid
      byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1)
    }
  })
  return { byRow, byStatus, byLevel, byHardship, total }
}

const yuan = (fen: number) => Math.round(fen) / 100

function aidTables(all: Array<{ label: string; aid?: AidRow }>, aid: Awaited<ReturnType<typeof aidFigures>>): FigureTable[] {
  const money = (r: AidRow | undefined) => [r?.count ?? 0, yuan(r?.approvedFen ?? 0), yuan(r?.paidFen ?? 0)]
  const columns = ['申请', '核定金额（元）', '已发放（元）']
  return [
    { key: 'aid', title: '金秋助学', columns, bar: 0, rows: all.map((r) => ({ label: r.label, values: money(r.aid) })) },
    {
      key: 'aidByStatus',
      title: '金秋助学（按状态）',
      columns: ['申请'],
      bar: 0,
      rows: (Object.keys(AID_STATUS_NAMES) as ApplicationState[]).map((s) => ({ label: AID_STATUS_NAMES[s], values: [aid.byStatus.get(s) ?? 0] })),
    },
    { key: 'aidByLevel', title: '金秋助学（按学段）', columns, bar: 0, rows: [...aid.byLevel].map(([label, r]) => ({ label, values: money(r) })) },
    { key: 'aidByHardship', title: '金秋助学（按困难类别）', columns, bar: 0, rows: [...aid.byHardship].map(([label, r]) => ({ label, values: money(r) })) },
  ]
}

/**
 * Stations under the union now, by the union directly below, and how many are open at this moment;
 * with the visits (打卡, from the stations' day counts) and member-card checks made at them in the
 * range (from cardChecks with a station), each by the station's unionPath when it was counted.
 */
async function stationFigures(ctx: ActionContext, unionId: string, range: DayRange): Promise<Map<string, Counts>> {
  const now = ctx.now()
  const rows = new Map<string, Counts>()
  const rowOf = (path: string[]) => path[path.indexOf(unionId) + 1] ?? unionId
  const days = { $gte: range.from, $lte: range.to }
  const { stations, visits } = stationsDb(ctx.store)
  await Promise.all([
    // Three fields of each station, not the whole (its text, amenities, search terms): what a read costs.
    forEachPageOf(stations, { unionPath: unionId }, ['unionPath', 'hours', 'status'], (page) => {
      for (const s of page) addInto(rows, rowOf(s.unionPath), { st: 1, st_open: s.status === 'active' && isOpenAt(storedHours(s.hours), now) ? 1 : 0 })
    }),
    forEachPage(visits, { unionPath: unionId, day: days }, (page) => {
      for (const v of page) addInto(rows, rowOf(v.unionPath), { st_visits: v.visits, st_anon: v.anonymous })
    }),
    forEachPage(joinDb(ctx.store).checks, { stationPath: unionId, day: days }, (page) => {
      for (const c of page) addInto(rows, rowOf(c.stationPath ?? []), { st_checks: c.count })
    }),
  ])
  return rows
}
