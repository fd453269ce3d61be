import type { Store } from '../../lib/store/port'
import { benefitsDb, type OfferDoc } from './collections'
import { OfferNearIndex, type OfferEntry } from './near-index'

/**
 * The distance index of the embedded home: built from the store on the first "离我最近" list,
 * kept in memory per store, and updated by the actions that change an offer (saveOffer,
 * setOfferStatus). One process owns an nedb store, so nothing else changes it behind our back;
 * claims change only stock, which the order does not use.
 *
 * WeChat (not built): a function instance is short-lived and there may be several, so there the
 * order must come from the database. It would need one document per store in a collection
 * `offer_stores` ({ offerId, location: db.Geo.Point(lng, lat), category, city, status, endAt,
 * texts }) with a geo index on `location`, kept in step by saveOffer/setOfferStatus; a page is then
 * `aggregate().geoNear({ near, spherical: true, distanceField: 'd', minDistance: <cursor d>,
 * query: <filters> })` grouped by offerId (min d), sorted by (d, offerId) and cut after the cursor;
 * offers without a store follow by _id.
 */
const indexes = new WeakMap<Store, Promise<OfferNearIndex>>()

const PAGE = 5_000

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

async function build(store: Store): Promise<OfferNearIndex> {
  const index = new OfferNearIndex()
  const { offers } = benefitsDb(store)
  // Keyset paging (`_id` after the last one seen), which the WeChat adapter's short reads allow too.
  for (let last = ''; ; ) {
    const page = await offers.find(last ? { _id: { $gt: last } } : {}, { sort: { _id: 1 }, limit: PAGE })
    if (!page.length) break
    for (const doc of page) index.upsert(entryOf(doc))
    last = page[page.length - 1]._id
  }
  return index
}

export function offerIndex(store: Store): Promise<OfferNearIndex> {
  let index = indexes.get(store)
  if (!index) {
    index = build(store)
    indexes.set(store, index)
    // A failed build is not kept: the next list tries again.
    index.catch(() => indexes.delete(store))
  }
  return index
}

/** After an offer changed in the store: keep the index (if built) in step. */
export async function reindexOffer(store: Store, doc: OfferDoc): Promise<void> {
  const index = indexes.get(store)
  if (index) (await index).upsert(entryOf(doc))
}
