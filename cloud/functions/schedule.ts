import type { ActionName, FunctionName } from '../../domain/contract'

/**
 * The 'system' actions the platform runs on a timer. In WeChat each becomes a timer trigger of its
 * function (the cloud build writes it into config.json; the trigger is named after the action, and
 * WeChat's cron has seven fields: second minute hour day month weekday year, in China time).
 * The local server runs them at the same China hour.
 */
export interface ScheduledJob {
  fn: FunctionName
  action: string
  cron: string
  /** The hour (China time) the cron names, for the local server's schedule. */
  chinaHour: number
}

/** Daily at `chinaHour`: the action is checked against the contract. */
const daily = <F extends FunctionName>(fn: F, action: ActionName<F>, chinaHour: number): ScheduledJob => ({ fn, action, cron: `0 0 ${chinaHour} * * * *`, chinaHour })

export const SCHEDULE: ScheduledJob[] = [
  // Coupons about to expire: the member hears of it at 09:00 without opening the app.
  daily('benefits', 'remindExpiring', 9),
  // 金秋助学 lists exported to cloud storage (WeChat) are deleted a day later, at 03:00, and so are
  // uploaded documents no application refers to (#14): one job, as WeChat allows one timer a function.
  daily('aid', 'purgeExports', 3),
  // Join applications nobody decided in 30 days lapse, and old ID-number tries are deleted (#14).
  daily('member', 'lapseApplications', 4),
  // Each clerk's digest of what waits (#17 item 4) at 08:00, before the working day starts.
  daily('review', 'sendDigest', 8),
]
