import { collections } from '../cloud/lib/collections'
import { DuplicateKeyError, type Store } from '../cloud/lib/store/port'

/**
 * Load tests need many distinct people. Only when the server runs with ALLOW_BENCH_PEOPLE=1 does
 * the demo login accept `bench-<n>` (openid `bench-<n>`), creating the person on first login.
 * Anything else the bench needs (memberships, offers) it writes into its own server's data folder.
 */
export async function benchPerson(store: Store, key: unknown, now: Date): Promise<{ openid: string; displayName: string } | undefined> {
  if (typeof key !== 'string' || !/^bench-\d{1,6}$/.test(key)) return undefined
  const person = { openid: key, displayName: `压测用户${key.slice(6)}（演示）` }
  try {
    await collections(store).people.insert({ _id: key, displayName: person.displayName, createdAt: now.toISOString() })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
  return person
}
