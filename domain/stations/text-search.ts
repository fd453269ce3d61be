import { matchesQuery, queryTerms } from '../search'
import { TYPE_SHORT, type StationType } from './types'

/**
 * Finding a station by name, address or district (#18 item 4) without a text index, which
 * CloudBase does not have: a station keeps `terms`, every 2-character piece of its name, address,
 * managing union (which names the district: 新城区总工会) and its type's short name (母婴室), in an
 * indexed array field; a search asks for every piece of the query (`$all`) and checks the whole
 * query on what comes back. Only 2-character pieces (unlike unions' 1- and 2-): at 186,000 stations
 * the single characters would double what every station stores, and a search needs two characters.
 */
export const SEARCH_LIMITS = { minChars: 2, maxChars: 30, k: 30 } as const

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, '')

export function stationTerms(name: string, address: string, unionName: string, type: StationType): string[] {
  const terms = new Set<string>()
  for (const text of [name, address, unionName, TYPE_SHORT[type]]) {
    const chars = [...normal(text)]
    for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i] + chars[i + 1])
  }
  return [...terms]
}

/** Pieces nearly every station holds: looked up last, so an index lookup starts from a rarer one. */
const COMMON = new Set(['驿站', '示例', '演示', '（演', '地址', '址）', '示）', '示地', '工会', '总工', '服务', '站点', '爱心', '职工', '市总', '区总', '路1', '号（'])

/**
 * The pieces a match must hold, rarest-looking first (the embedded store looks up the first one in
 * its index and checks the rest): pieces with a digit, then ordinary ones, then the common words.
 */
export function searchPieces(q: string): string[] {
  const rank = (t: string) => (/\d/.test(t) ? 0 : COMMON.has(t) ? 2 : 1)
  return queryTerms(q).sort((a, b) => rank(a) - rank(b))
}

/** Whether the whole query is in one of the station's texts. */
export function stationMatches(q: string, name: string, address: string, unionName: string, type: StationType): boolean {
  return matchesQuery(q, name, address, unionName, TYPE_SHORT[type])
}
