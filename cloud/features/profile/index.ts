import type { CollectionIndexes } from '../../lib/store/port'
import type { FeatureHandlers } from '../../lib/dispatch'
import { agreePrivacy, profile } from './profile'

/**
 * 我的: who the caller is (roles, membership) and their agreement to the privacy guide. No
 * collections of its own: people, roles and memberships are core ones (cloud/lib/collections.ts).
 */
export const collections: CollectionIndexes = {}

export const member = {
  profile: (_input, ctx) => profile(ctx),
  agreePrivacy: ({ version }, ctx) => agreePrivacy(ctx, version),
} satisfies FeatureHandlers<'member'>
