import fs from 'node:fs'
import path from 'node:path'
import type { Clock } from '../cloud/lib/clock'
import { dispatch } from '../cloud/lib/dispatch'
import type { Secrets } from '../cloud/lib/secrets'
import type { Store } from '../cloud/lib/store/port'
import { functions } from '../cloud/functions'
import { SCHEDULE, type ScheduledJob } from '../cloud/functions/schedule'
import { msUntilChinaHour } from '../domain/time'

const DAY_MS = 24 * 3600 * 1000

export interface ScheduleDeps {
  store: Store
  clock: Clock
  secrets: Secrets
  logError(message: string, error: unknown): void
  /** The local uploads folder: aid.purgeExports answers the ids of unused uploads whose bytes are deleted here. */
  uploadDir?: string | null
}

/** Runs one scheduled job the way WeChat's timer trigger does: as the timer, with nobody signed in. */
export function runJob(job: ScheduledJob, deps: ScheduleDeps) {
  return dispatch(job.fn, functions[job.fn] as never, { action: job.action, data: {} }, { identity: null, timer: true, ...deps })
}

/**
 * The local server's timer: each job of SCHEDULE daily at its China hour, as WeChat runs them.
 * Timers do not keep the process alive. Returns a stop function.
 */
export function startSchedule(deps: ScheduleDeps, jobs: ScheduledJob[] = SCHEDULE): () => void {
  const timers: NodeJS.Timeout[] = []
  for (const job of jobs) {
    const run = () => {
      void runJob(job, deps).then((result) => {
        if (!result.ok) return deps.logError(`scheduled ${job.fn}.${job.action} failed: ${result.error.code}`, null)
        removeLocalUploads(deps.uploadDir, job, result.data)
      })
    }
    const first = setTimeout(() => {
      run()
      timers.push(setInterval(run, DAY_MS).unref())
    }, msUntilChinaHour(new Date(), job.chinaHour)).unref()
    timers.push(first)
  }
  return () => timers.forEach((t) => clearTimeout(t))
}

/** In WeChat the daily aid job deletes unused uploads' bytes in cloud storage; locally they are files in uploadDir. */
export function removeLocalUploads(uploadDir: string | null | undefined, job: ScheduledJob, data: unknown): void {
  if (!uploadDir || job.fn !== 'aid' || job.action !== 'purgeExports') return
  for (const id of (data as { uploads: { ids: string[] } }).uploads.ids) {
    if (/^[0-9a-f]{32}$/.test(id)) fs.rmSync(path.join(uploadDir, id), { force: true })
  }
}
