import { searchTerms } from '../../../domain/search'
import type { OfferDoc } from './collections'

type Derived = 'sortKey' | 'terms'

/** The fields an offer derives from others: its newest-first sort key and its search terms. */
export function withDerived(offer: Omit<OfferDoc, Derived>): OfferDoc {
  return { ...offer, sortKey: `${offer.createdAt}|${offer._id}`, terms: searchTerms(offer.title, offer.merchantName, offer.city, offer.category) }
}
