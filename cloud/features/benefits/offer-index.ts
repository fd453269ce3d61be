import { perStore } from '../../lib/store/per-store'
import { forEachDoc } from '../../lib/store/read'
import { MAX_READ, type Store } from '../../lib/store/port'
import { benefitsDb, type OfferDoc } from './collections'
import { OfferNearIndex, type OfferEntry } from './near-index'

/**
 * The distance index of the embedded home: built from the store on the first "离我最近" list,
 * kept in memory per store, and updated by the actions that change an offer (saveOffer,
 * setOfferStatus). One process owns an nedb store, so nothing else changes it behind our back;
 * claims change only stock, which the order does not use.
 *
 * In WeChat a function instance is short-lived and there may be several, so there the order comes
 * from the database instead (near-geo.ts: geoNear over each offer's MultiPoint of stores), and
 * this index is never built.
 */
const PAGE = MAX_READ

export function entryOf(doc: OfferDoc): OfferEntry {
  return {
    id: doc._id,
    category: doc.category,
    city: doc.city,
    status: doc.status,
    endAt: doc.endAt,
    texts: [doc.title, doc.merchantName, doc.city, doc.category],
    stores: doc.stores.map((s) => ({ latitude: s.latitude, longitude: s.longitude })),
  }
}

const indexes = perStore(async (store) => {
  const index = new OfferNearIndex()
  await forEachDoc(benefitsDb(store).offers, PAGE, (doc) => index.upsert(entryOf(doc)))
  return index
})

export function offerIndex(store: Store): Promise<OfferNearIndex> {
  return indexes.get(store)
}

/** After an offer changed in the store: keep the index (if built) in step. */
export async function reindexOffer(store: Store, doc: OfferDoc): Promise<void> {
  const index = indexes.ifBuilt(store)
  if (index) (await index).upsert(entryOf(doc))
}
