import type { FeatureHandlers } from '../../lib/dispatch'
import type { CollectionIndexes } from '../../lib/store/port'
import { merchantsPage, saveMerchant, setMerchantStatus } from './manage'

/**
 * Partner merchants (普惠商户): union staff register them and open or close them. No collections of
 * its own: merchants are a core one (cloud/lib/collections.ts), as cashiers' roles name them.
 */
export const collections: CollectionIndexes = {}

export const admin = {
  merchants: ({ includeClosed, cursor }, ctx) => merchantsPage(ctx, includeClosed, cursor),
  saveMerchant: (input, ctx) => saveMerchant(ctx, input),
  setMerchantStatus: ({ id, status }, ctx) => setMerchantStatus(ctx, id, status),
} satisfies FeatureHandlers<'admin'>
