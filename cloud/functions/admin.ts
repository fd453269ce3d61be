import type { Handlers } from '../lib/dispatch'
import * as admin from '../features/admin'
import * as merchants from '../features/merchants'

/** Administration: roles by invitation, and the subtree's merchants. */
export const adminHandlers: Handlers<'admin'> = { ...admin.admin, ...merchants.admin }
