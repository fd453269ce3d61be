/**
 * Text search without a text index: a document keeps `terms`, every 1- and 2-character piece of
 * its texts (lower-cased, spaces dropped), in an indexed array field; a query looks pieces up there
 * and the whole query is checked on what comes back. Both databases match an array field by element
 * (and `$all` by every element), so the same query works on the embedded store and on WeChat's.
 * Used by 普惠 offers (title, merchant, city, category) and by unions (own name and ancestors' names).
 */

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, '')

/** Every 1- and 2-character piece of each text (a piece never spans two texts). */
export function searchTerms(...texts: string[]): string[] {
  const terms = new Set<string>()
  for (const text of texts) {
    const chars = [...normal(text)]
    chars.forEach((ch, i) => {
      terms.add(ch)
      if (i + 1 < chars.length) terms.add(ch + chars[i + 1])
    })
  }
  return [...terms]
}

/** The one term a query looks up (its first two characters), or null for an empty query. */
export function queryTerm(q: string): string | null {
  const chars = [...normal(q)]
  if (!chars.length) return null
  return chars.slice(0, 2).join('')
}

/**
 * Every term a match must hold: each 2-character piece of the query (or its one character), for
 * `{ terms: { $all } }`. Narrower than queryTerm's one piece: for a query of 1 or 2 characters it
 * is exact; for a longer one a text holding every piece but not the whole query is still possible,
 * so matchesQuery decides.
 */
export function queryTerms(q: string): string[] {
  const chars = [...normal(q)]
  if (chars.length <= 1) return chars
  return [...new Set(chars.slice(1).map((ch, i) => chars[i] + ch))]
}

/** Whether one of the texts contains the whole query (after the term lookup). */
export function matchesQuery(q: string, ...texts: string[]): boolean {
  const needle = normal(q)
  return texts.some((t) => normal(t).includes(needle))
}
