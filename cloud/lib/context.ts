import { randomUUID } from 'node:crypto'
import { CloudError } from '../../domain/errors'
import type { Clock } from './clock'
import { ACTIVE_ROLE, collections, type Collections, type RoleDoc } from './collections'
import type { Secrets } from './secrets'
import { DuplicateKeyError, type Store } from './store/port'
import type { WechatServices } from './wechat'

/** Who the platform says is calling: WeChat's OPENID, or the local server's verified token. */
export interface Identity {
  openid: string
}

export interface Caller {
  openid: string
  roles: RoleDoc[]
}

export interface AuditEntry {
  /**
   * Makes the entry once-only: it becomes the audit record's `_id`, and a retry of a step that was
   * already recorded (a write finished after a crash) records nothing more. Random when left out.
   */
  key?: string
  action: string
  target: { collection: string; id: string }
  before: unknown
  after: unknown
  /**
   * The union the object belongs to, with its ancestors (unionPathOf; both sides' for a transfer):
   * the audit trail (台账) shows an entry to the clerks of any union on it. Left out, the entry is
   * UNPLACED and only the root union's clerks see it (they see the whole log).
   */
  unionPath?: string[]
}

/** The unionPath of an entry that names no union: no subtree's, so only the root union's clerks see it. */
export const UNPLACED = '-'

/**
 * What an action is given. One way to each collection:
 * - the core collections (cloud/lib/collections.ts: unions, people, memberships, roles, merchants,
 *   audit, notifications) through `ctx.db`;
 * - a feature's collections through that feature's accessor on `ctx.store` (`joinDb(ctx.store)`,
 *   `aidDb(ctx.store)`, ...), never `ctx.store.collection(name)`: lib knows no feature's documents.
 * `collections(store)` is for code that runs without a context (start-up backfills, imports, seeds,
 * and the store-level helpers they share with actions); an action never calls it.
 */
export interface ActionContext {
  /** null only for 'public' actions called without an identity. */
  caller: Caller | null
  /** The core collections. */
  db: Collections
  /** The store itself: for a feature's accessor, and for what the port offers besides collections (geoNear). */
  store: Store
  secrets: Secrets
  /** WeChat's own servers (subscribe messages, 小程序码, cloud storage); null in the embedded home. */
  wechat: WechatServices | null
  /** Reports a failure that must not fail the action (a push WeChat refused); names and codes only. */
  logError(message: string, error: unknown): void
  now(): Date
  newId(): string
  /** Records a staff action: who, when, what, before and after. */
  audit(entry: AuditEntry): Promise<void>
}

export interface ContextOptions {
  wechat?: WechatServices | null
  logError?: (message: string, error: unknown) => void
}

export function createContext(store: Store, clock: Clock, caller: Caller | null, secrets: Secrets, options: ContextOptions = {}): ActionContext {
  const db = collections(store)
  return {
    caller,
    db,
    store,
    secrets,
    wechat: options.wechat ?? null,
    logError: options.logError ?? (() => undefined),
    now: () => clock.now(),
    newId: () => randomUUID(),
    async audit({ key, unionPath, ...entry }) {
      try {
        const placed = unionPath?.length ? [...new Set(unionPath)] : [UNPLACED]
        await db.audit.insert({ _id: key ?? randomUUID(), at: clock.now().toISOString(), actor: caller?.openid ?? 'system', ...entry, unionPath: placed })
      } catch (error) {
        if (!(key && error instanceof DuplicateKeyError)) throw error
      }
    },
  }
}

/** The caller of a 'user' action (the dispatcher has already refused anonymous calls). */
export function signedIn(ctx: ActionContext): Caller {
  if (!ctx.caller) throw new CloudError('UNAUTHENTICATED')
  return ctx.caller
}

export async function resolveCaller(store: Store, identity: Identity): Promise<Caller> {
  // A person holds a few roles; 100 is far above any real count.
  const roles = await collections(store).roles.find({ openid: identity.openid, ...ACTIVE_ROLE }, { limit: 100 })
  return { openid: identity.openid, roles }
}
