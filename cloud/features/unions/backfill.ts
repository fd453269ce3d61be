import { collections } from '../../lib/collections'
import type { Store } from '../../lib/store/port'
import { findByIds } from '../../lib/store/read'
import { unionTerms } from './tree'

/** Unions fixed per read by addMissingTerms. */
const BACKFILL_PAGE = 200

/**
 * Unions stored before search terms existed (a DATA_DIR from an older version) get them, nothing
 * else changing; the local server runs this at start (it costs one small read when none lack them).
 * In WeChat Cloud, importing the tree again (npm run import:unions -- --cloud) does the same.
 */
export async function addMissingTerms(store: Store): Promise<number> {
  const { unions } = collections(store)
  let fixed = 0
  for (;;) {
    const page = await unions.find({ terms: { $exists: false } }, { limit: BACKFILL_PAGE })
    if (!page.length) return fixed
    const names = new Map((await findByIds(unions, [...new Set(page.flatMap((u) => u.ancestors))])).map((u) => [u._id, u.name]))
    let now = 0
    for (const union of page) {
      const terms = unionTerms(union.name, union.ancestors.map((id) => names.get(id) ?? ''))
      now += await unions.update({ _id: union._id, terms: { $exists: false } }, { set: { terms } })
    }
    // Nothing changed (another writer got there first): do not read the same page again.
    if (!now) return fixed
    fixed += now
  }
}
