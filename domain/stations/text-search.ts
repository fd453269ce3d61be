import { matchesQuery, queryTerms } from '../search'
import { TYPE_SHORT, type StationType } from './types'

/**
 * Finding a station by name, address or district (#18 item 4) without a text index, which
 * CloudBase does not have: a station keeps `terms`, the 2-character pieces of its name, address,
 * managing union (which names the district: 新城区总工会) and its type's short name (母婴室), in an
 * indexed array field; a search asks for every piece of the query (`$all`) and checks the whole
 * query on what comes back. Only 2-character pieces (unlike unions' 1- and 2-): a search needs two
 * characters, and single characters would double what every station stores.
 */
export const SEARCH_LIMITS = { minChars: 2, maxChars: 30, k: 30 } as const

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, '')

/**
 * Pieces that are in so many stations that storing them costs more than they find: measured with
 * scripts/stations/stop-pieces.ts on the bench's 186,000 generated stations, every piece held by 30%
 * or more of them (示例…（演示地址） is the generator's, 内蒙古自治区总工会 manages every station
 * outside Hohhot there, 户外劳动者 is 54% of the kinds, #1 and 路1/路2 begin most numbers), plus 服务
 * and 站点 of real names (服务站点). A generated station holds 37.5 pieces, 25 of them on this list: it
 * stores 12.5 (heap and start time in README, stations). The demo's own frequent pieces (呼和浩特 41%,
 * 环卫 34% of 400 stations) are kept: they are what people search by, frequent only in a small set.
 */
export const STOP_PIECES: ReadonlySet<string> = new Set([
  '示例', '驿站', '站（', '（演', '演示', '示）', '）#', '例路', '号（', '示地', '地址', '址）',
  '区总', '总工', '工会', '内蒙', '蒙古', '古自', '自治', '治区',
  '例户', '户外', '外劳', '劳动', '动者', '者驿', '外驿', '#1', '路1', '路2',
  '服务', '站点',
])

export function stationTerms(name: string, address: string, unionName: string, type: StationType): string[] {
  const terms = new Set<string>()
  for (const text of [name, address, unionName, TYPE_SHORT[type]]) {
    const chars = [...normal(text)]
    for (let i = 0; i + 1 < chars.length; i++) {
      const piece = chars[i] + chars[i + 1]
      if (!STOP_PIECES.has(piece)) terms.add(piece)
    }
  }
  return [...terms]
}

/**
 * The pieces a match must hold, stop pieces left out (no station stores them), digits first (a
 * habit from when the embedded store looked up the first one; it now takes the rarest piece from its
 * index itself, and the order changes no answer). Empty when the query is made only of stop pieces
 * (驿站, 示例): the search then looks by place instead.
 */
export function searchPieces(q: string): string[] {
  const rank = (t: string) => (/\d/.test(t) ? 0 : 1)
  return queryTerms(q)
    .filter((t) => !STOP_PIECES.has(t))
    .sort((a, b) => rank(a) - rank(b))
}

/** Whether the whole query is in one of the station's texts. */
export function stationMatches(q: string, name: string, address: string, unionName: string, type: StationType): boolean {
  return matchesQuery(q, name, address, unionName, TYPE_SHORT[type])
}
