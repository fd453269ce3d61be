import { importUnions } from '../../cloud/features/unions/import'
import type { UnionDoc } from '../../cloud/lib/collections'
import type { ImportRow } from '../../cloud/lib/import-rows'
import type { Store } from '../../cloud/lib/store/port'

/**
 * A generated union tree for tests at scale: one fictional province (示例省, every name says 示例…
 * and （演示）), 6 cities × 5 districts, each district with its 新业态工会联合会, 3 streets and about
 * 94 companies' unions (some under a street), about 2,980 unions in all. Company names repeat
 * across districts (names tie; the id decides the order), and every 17th company union is disabled.
 */
export type UnionRecord = { code: string; name: string; level: string; parentCode: string; regionCode: string; status: string }

const CITIES = ['东川', '西岭', '南浦', '北塘', '青石', '白沙']
const DISTRICTS = ['河口', '山前', '湖滨', '松林', '桥头']
const STREETS = ['一道', '二道', '三道']
const TRADES = ['速递', '环卫', '建筑', '物流', '餐饮', '家政', '保安', '网约', '医护', '商贸']
const MARKS = ['明远', '宏达', '新兴', '永安', '长青', '华光', '顺意', '金石']

export const PROVINCE = 'sl'
export const cityCode = (c: number) => `sl-c${c}`
export const districtCode = (c: number, d: number) => `sl-c${c}-d${d}`
/** The name a district's own union carries, e.g. 示例东川河口区总工会（演示）. */
export const districtName = (c: number, d: number) => `示例${CITIES[c]}${DISTRICTS[d]}区总工会（演示）`
/** The region a district is known by: 东川河口区. */
export const districtRegion = (c: number, d: number) => `${CITIES[c]}${DISTRICTS[d]}区`

export function fictionalUnionTree(): UnionRecord[] {
  const records: UnionRecord[] = [{ code: PROVINCE, name: '示例省总工会（演示）', level: 'province', parentCode: '', regionCode: '990000', status: 'active' }]
  CITIES.forEach((city, c) => {
    const cityRegion = `99${String(c + 1).padStart(2, '0')}00`
    records.push({ code: cityCode(c), name: `示例${city}市总工会（演示）`, level: 'city', parentCode: PROVINCE, regionCode: cityRegion, status: 'active' })
    DISTRICTS.forEach((_district, d) => {
      const region = `99${String(c + 1).padStart(2, '0')}${String(d + 1).padStart(2, '0')}`
      const code = districtCode(c, d)
      const place = districtRegion(c, d)
      records.push({ code, name: districtName(c, d), level: 'county', parentCode: cityCode(c), regionCode: region, status: 'active' })
      records.push({ code: `${code}-xyt`, name: `示例${place}新业态工会联合会（演示）`, level: 'newforms', parentCode: code, regionCode: region, status: 'active' })
      STREETS.forEach((street, s) => records.push({ code: `${code}-s${s}`, name: `示例${place}${street}街道工会（演示）`, level: 'street', parentCode: code, regionCode: region, status: 'active' }))
      for (let g = 0; g < 94; g++) {
        const k = c * 5 + d + g
        const name = `示例${TRADES[k % TRADES.length]}${MARKS[Math.floor(g / TRADES.length) % MARKS.length]}（演示）有限公司工会`
        const parent = g % 4 === 3 ? `${code}-s${g % 3}` : code
        records.push({ code: `${code}-g${g}`, name, level: 'grassroots', parentCode: parent, regionCode: region, status: g % 17 === 5 ? 'disabled' : 'active' })
      }
    })
  })
  return records
}

export const asRows = (records: Array<Record<string, unknown>>): ImportRow[] => records.map((fields, i) => ({ line: i + 2, fields }))

export function toCsv(records: Array<Record<string, string>>): string {
  const columns = ['code', 'name', 'level', 'parentCode', 'regionCode', 'status']
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return [columns.join(','), ...records.map((r) => columns.map((c) => cell(r[c] ?? '')).join(','))].join('\n')
}

/** Imports the records into the store, failing the test on any refused row. */
export async function importAll(store: Store, records: UnionRecord[]): Promise<void> {
  const report = await importUnions(store, asRows(records))
  if (!report.applied) throw new Error(`refused: ${JSON.stringify(report.rejected.slice(0, 3))}`)
}

/** Names from the top down, as a brute-force search sees them. */
export function pathsOf(docs: UnionDoc[]): Map<string, string[]> {
  const byId = new Map(docs.map((d) => [d._id, d]))
  return new Map(docs.map((d) => [d._id, [...d.ancestors.map((id) => byId.get(id)!.name), d.name]]))
}

/** Order by name then id, as the database sorts strings (by code unit). */
export const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
