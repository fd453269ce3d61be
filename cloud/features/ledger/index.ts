import type { FeatureHandlers } from '../../lib/dispatch'
import type { CollectionIndexes } from '../../lib/store/port'
import { auditLog } from './audit'
import { getServiceDays, setServiceDays } from './deadlines'
import { sendDigest } from './digest'
import { exportLedger } from './exports'

/** 台账 (#17 items 3–5): the audit trail, service deadlines and their daily digest, the exports. Staff actions, in `review`. */
export const review = {
  auditLog: (input, ctx) => auditLog(ctx, input),
  serviceDays: ({ unionId }, ctx) => getServiceDays(ctx, unionId),
  setServiceDays: (input, ctx) => setServiceDays(ctx, input),
  sendDigest: (_input, ctx) => sendDigest(ctx),
  exportLedger: (input, ctx) => exportLedger(ctx, input),
} satisfies FeatureHandlers<'review'>

/** It reads the audit log and the queues and writes notices, all of them others' collections (the audit's indexes are the core's). */
export const collections: CollectionIndexes = {}
