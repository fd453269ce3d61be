import { newIdempotencyKey } from '@/services/ids'
import { request } from '@/services/request'
import { taroStateStorage } from '@/stores/taroStorage'

/**
 * Checks made with no network, waiting to be counted: a number and the retry key it is sent with,
 * nothing about the members checked. Kept in storage so closing the page loses none; sent with the
 * same key until the cloud takes it, so a send whose answer was lost counts once.
 */
const STORAGE_KEY = 'card-check-offline'
const storage = taroStateStorage()

interface Pending {
  count: number
  key: string
}

function read(): Pending | null {
  try {
    const value = JSON.parse(storage.getItem(STORAGE_KEY) as string | null ?? 'null') as Pending | null
    return value && typeof value.count === 'number' && value.count > 0 && typeof value.key === 'string' ? value : null
  } catch {
    return null
  }
}

function write(pending: Pending | null): void {
  if (pending) void storage.setItem(STORAGE_KEY, JSON.stringify(pending))
  else void storage.removeItem(STORAGE_KEY)
}

export function pendingChecks(): number {
  return read()?.count ?? 0
}

/** One more offline check. A batch already sent once keeps its key: the new check waits for the next batch. */
export function queueOfflineCheck(): number {
  const pending = read()
  write({ count: (pending?.count ?? 0) + 1, key: pending?.key ?? newIdempotencyKey() })
  return pendingChecks()
}

let sending = false

/** Sends what waits, if anything; answers what still waits. A failure (still offline) keeps it for later. */
export async function flushOfflineChecks(): Promise<number> {
  const pending = read()
  if (!pending || sending) return pendingChecks()
  sending = true
  try {
    await request('member', 'recordOfflineChecks', { count: pending.count, idempotencyKey: pending.key })
    // Checks queued while this batch was on its way stay, under a new key.
    const now = read()
    const left = (now?.count ?? 0) - pending.count
    write(left > 0 ? { count: left, key: newIdempotencyKey() } : null)
  } catch {
    // Still offline (or refused): kept, tried again later.
  } finally {
    sending = false
  }
  return pendingChecks()
}
