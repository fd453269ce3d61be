import { collections, type UnionDoc } from '../../lib/collections'
import { DuplicateKeyError, type Store } from '../../lib/store/port'
import { findByIds } from '../../lib/store/read'
import { unionsDb, type UnionCodeDoc } from './collections'
import { storedKeyOf } from '../../lib/resume'

/**
 * Union codes (工会编码): what a poster, a 小程序码's scene and a join link carry.
 *
 * A union's `_id` is its first code and never changes: applications, transfers, offers, stations,
 * aid applications, invitations, roles and memberships name the union (and its path) by it, so
 * changing a code rewrites none of them. A code given later is the union's `code` field and is taken
 * for good in `unionCodes`; every code a union ever had keeps finding it, so posters already printed
 * keep working, and none is ever given to another union, also after a close.
 */

/** The code a union goes by today. */
export const publicCode = (union: Pick<UnionDoc, '_id' | 'code'>): string => union.code ?? union._id

/** The union a code names: by its id (its first code), else by a code it took later. */
export async function unionByCode(store: Store, code: string): Promise<UnionDoc | null> {
  const { unions } = collections(store)
  const byId = await unions.get(code)
  if (byId) return byId
  const taken = await unionsDb(store).codes.get(code)
  return taken ? unions.get(taken.unionId) : null
}

export interface CodeClaim {
  code: string
  /** The union the code is for (for a new union, its own code). */
  unionId: string
  /** An openid, or 'import'. */
  by: string
  at: string
  /**
   * An add or an import takes a code for a union that does not exist yet: only the same taker with the
   * same request goes on with it. A code change takes it for an existing union: that union may go on.
   */
  forNewUnion: boolean
  idempotencyKey?: string
}

const isOurs = (held: UnionCodeDoc, claim: CodeClaim) =>
  held.unionId === claim.unionId && (!claim.forNewUnion || (held.reservedBy === claim.by && storedKeyOf(held) === (claim.idempotencyKey ?? null)))

/**
 * Takes a code for good. 'taken' when it names another union: a union's id (unions stored before
 * codes were taken here have only that), or a code taken here for another union or by another add.
 * Of two takers at the same instant exactly one inserts; the same taker trying again goes on.
 */
export async function takeCode(store: Store, claim: CodeClaim): Promise<'taken' | 'ok'> {
  const named = await collections(store).unions.get(claim.code)
  if (named) {
    // The union an add made already (its retry), or a union going back to its first code: its id.
    if (claim.forNewUnion) return named.createdBy === claim.by && storedKeyOf(named) === (claim.idempotencyKey ?? null) ? 'ok' : 'taken'
    return named._id === claim.unionId ? 'ok' : 'taken'
  }
  const { codes } = unionsDb(store)
  try {
    await codes.insert({ _id: claim.code, unionId: claim.unionId, reservedAt: claim.at, reservedBy: claim.by, ...(claim.idempotencyKey ? { idempotencyKey: claim.idempotencyKey } : {}) })
    return 'ok'
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
  const held = await codes.get(claim.code)
  return held && isOurs(held, claim) ? 'ok' : 'taken'
}

/** Which of these codes are taken here (for the importer's check), with the union each is for. */
export async function takenCodes(store: Store, codes: string[]): Promise<Map<string, UnionCodeDoc>> {
  return new Map((await findByIds(unionsDb(store).codes, codes)).map((c) => [c._id, c]))
}
