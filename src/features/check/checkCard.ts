import { CARD_PROBLEM_MESSAGES, type CardKey } from '@domain/card/token'
import { verifyCardToken } from '@domain/card/verify'
import { asCloudError } from '@domain/errors'
import { request } from '@/services/request'

export type CheckResult =
  | { kind: 'valid'; mode: 'online' | 'offline'; union: string; maskedName: string; at: Date }
  | { kind: 'refused'; reason: string }

/**
 * A check, local first: the signature and expiry on the phone (works offline), then the cloud,
 * which also knows a membership that ended and counts the check. With no network the local answer
 * stands, marked offline, and the caller queues it to be counted later. Opened from a station, the
 * check counts for that station too.
 */
export async function checkCard(token: string, keys: CardKey[], refreshKeys: () => Promise<CardKey[]>, stationCode?: string): Promise<CheckResult> {
  const text = token.trim()
  if (!text) return { kind: 'refused', reason: '请扫描或输入会员码' }
  let local = verifyCardToken(text, keys, Date.now())
  // A key this phone has not seen yet (a rotation since it last fetched them): fetch once and retry.
  if (!local.ok && local.problem === 'unknown-key') local = verifyCardToken(text, await refreshKeys(), Date.now())
  if (!local.ok) return { kind: 'refused', reason: CARD_PROBLEM_MESSAGES[local.problem] }
  try {
    const seen = await request('member', 'verifyCard', { token: text, ...(stationCode ? { stationCode } : {}) })
    return { kind: 'valid', mode: 'online', union: seen.union.name, maskedName: seen.maskedName, at: new Date(seen.checkedAt) }
  } catch (error) {
    const failure = asCloudError(error, '')
    // No answer from the cloud (no network, or it failed): the phone's own check stands.
    if (failure.code !== 'NETWORK' && failure.code !== 'INTERNAL') return { kind: 'refused', reason: failure.message }
    return { kind: 'valid', mode: 'offline', union: local.claims.u, maskedName: local.claims.n, at: new Date() }
  }
}
