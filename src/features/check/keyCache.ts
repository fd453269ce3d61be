import type { CardKey } from '@domain/card/token'
import { request } from '@/services/request'
import { taroStateStorage } from '@/stores/taroStorage'

/**
 * The member card's public keys, kept on the phone so a check works with no network (#15 item 7).
 * Public keys are not personal data and prove nothing alone: a token that verifies needs the
 * private key, which never leaves the cloud; and a key kept here from before two rotations no
 * longer matches any code the cloud signs, while a forged code still fails its signature.
 */
const STORAGE_KEY = 'card-check-keys'
const storage = taroStateStorage()

export function cachedKeys(): CardKey[] {
  try {
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) as string | null ?? 'null') as { keys?: CardKey[] } | null
    return Array.isArray(stored?.keys) ? stored.keys : []
  } catch {
    return []
  }
}

/** Fetches the current keys and keeps them; on no network, answers the kept ones. */
export async function refreshKeys(): Promise<{ keys: CardKey[]; fresh: boolean }> {
  try {
    const { keys } = await request('member', 'cardKeys', {})
    void storage.setItem(STORAGE_KEY, JSON.stringify({ keys }))
    return { keys, fresh: true }
  } catch {
    return { keys: cachedKeys(), fresh: false }
  }
}
