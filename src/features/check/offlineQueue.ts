import { newIdempotencyKey } from '@/services/ids'
import { request } from '@/services/request'
import { taroStateStorage } from '@/stores/taroStorage'

/**
 * Checks made with no network, waiting to be counted: per place they were made at (a station, or
 * none), a number and the retry key it is sent with, nothing about the members checked. Kept in
 * storage so closing the page loses none; sent with the same key until the cloud takes it, so a
 * send whose answer was lost counts once.
 */
const STORAGE_KEY = 'card-check-offline'
const storage = taroStateStorage()

interface Pending {
  count: number
  key: string
  /** The station the checks were made at (会员核验 opened from it), if any. */
  station?: string
}

const valid = (p: Pending | null | undefined): p is Pending => Boolean(p && typeof p.count === 'number' && p.count > 0 && typeof p.key === 'string' && (p.station === undefined || typeof p.station === 'string'))

/** The batches waiting; a single one as stored before stations had their own (still read). */
function read(): Pending[] {
  try {
    const value = JSON.parse(storage.getItem(STORAGE_KEY) as string | null ?? 'null') as Pending | Pending[] | null
    return (Array.isArray(value) ? value : [value]).filter(valid)
  } catch {
    return []
  }
}

function write(pending: Pending[]): void {
  if (pending.length) void storage.setItem(STORAGE_KEY, JSON.stringify(pending))
  else void storage.removeItem(STORAGE_KEY)
}

export function pendingChecks(): number {
  return read().reduce((sum, p) => sum + p.count, 0)
}

/** One more offline check (at the station, if any). A batch already sent once keeps its key: the new check waits for the next batch. */
export function queueOfflineCheck(station?: string): number {
  const all = read()
  const same = all.find((p) => p.station === station)
  if (same) same.count += 1
  else all.push({ count: 1, key: newIdempotencyKey(), ...(station ? { station } : {}) })
  write(all)
  return pendingChecks()
}

let sending = false

/** Sends what waits, if anything; answers what still waits. A failure (still offline) keeps it for later. */
export async function flushOfflineChecks(): Promise<number> {
  if (sending) return pendingChecks()
  sending = true
  try {
    for (const batch of read()) {
      await request('member', 'recordOfflineChecks', { count: batch.count, idempotencyKey: batch.key, ...(batch.station ? { stationCode: batch.station } : {}) })
      // Checks queued while this batch was on its way stay, under a new key.
      const now = read()
      const left = (now.find((p) => p.key === batch.key)?.count ?? 0) - batch.count
      write(now.flatMap((p) => (p.key !== batch.key ? [p] : left > 0 ? [{ ...p, count: left, key: newIdempotencyKey() }] : [])))
    }
  } catch {
    // Still offline (or refused): kept, tried again later.
  } finally {
    sending = false
  }
  return pendingChecks()
}
