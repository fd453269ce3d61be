import type { FunctionName } from '../../domain/contract'

/**
 * How each cloud function runs in WeChat Cloud: the one declaration the deploy (npm run deploy:cloud)
 * applies. A function not listed in OVERRIDES runs with DEFAULT_SETTINGS.
 *
 * Platform rules, as documented:
 * - The platform's default timeout is 3 s (docs.cloudbase.net/cloud-function/function-configuration/config):
 *   too short for a claim that must give its unit back, or for anything that calls WeChat's servers.
 * - The CLI's reference allows 1–60 s and memory 128/256/512/1024/2048 MB
 *   (docs.cloudbase.net/cli-v1/functions/configs); the console page above allows up to 900 s. We stay
 *   within 60 s, the limit both pages allow, so a value here is never refused by either.
 * - Runtime: Nodejs16.13 is on the supported list (docs.cloudbase.net/cli-v1/functions/configs) and is
 *   what scripts/build-cloud.ts targets. A runtime is chosen when the function is created and cannot
 *   be changed afterwards: the deploy reports a different one, it does not replace it.
 */
export interface FunctionSettings {
  /** Seconds before the platform stops a call. */
  timeoutSeconds: number
  /** Memory in MB; CPU follows memory. */
  memoryMB: number
  /** Why this function needs more than the default (kept beside the number so it is not lowered by accident). */
  why?: string
}

export const RUNTIME = 'Nodejs16.13'
export const MAX_TIMEOUT_SECONDS = 60
export const MIN_TIMEOUT_SECONDS = 20
export const MEMORY_CHOICES_MB = [128, 256, 512, 1024, 2048] as const

export const DEFAULT_SETTINGS: FunctionSettings = { timeoutSeconds: 20, memoryMB: 256 }

export const OVERRIDES: Partial<Record<FunctionName, FunctionSettings>> = {
  aid: {
    timeoutSeconds: 60,
    memoryMB: 512,
    why: 'exportCsv writes up to 10,000 rows in one call; registerUpload reads a document of up to 5 MB back from storage and checks its bytes',
  },
  benefits: {
    timeoutSeconds: 60,
    memoryMB: 256,
    why: 'the daily remindExpiring job pages through up to 1,000 coupons and sends a subscribe message for each',
  },
  admin: {
    timeoutSeconds: 30,
    memoryMB: 256,
    why: 'firstAdminInvite and invite make a 小程序码 with wxacode.getUnlimited, a call to WeChat servers, as review.joinCode does',
  },
  org: {
    timeoutSeconds: 60,
    memoryMB: 256,
    why: 'a rename rewrites the search terms of the unions below and a close tells every member, each for up to 40 s (WORK_BUDGET_MS) before org.finish goes on',
  },
  review: {
    timeoutSeconds: 30,
    memoryMB: 256,
    why: 'joinCode makes a 小程序码 with wxacode.getUnlimited and uploads it to cloud storage: two calls to WeChat servers',
  },
}

/** The settings of a function; checked against the platform's limits so a bad number fails before any deploy. */
export function functionSettings(name: string): FunctionSettings {
  const settings = (OVERRIDES as Record<string, FunctionSettings | undefined>)[name] ?? DEFAULT_SETTINGS
  if (!Number.isInteger(settings.timeoutSeconds) || settings.timeoutSeconds < MIN_TIMEOUT_SECONDS || settings.timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    throw new Error(`cloud function ${name}: timeout ${settings.timeoutSeconds} s is outside ${MIN_TIMEOUT_SECONDS}–${MAX_TIMEOUT_SECONDS} s`)
  }
  if (!(MEMORY_CHOICES_MB as readonly number[]).includes(settings.memoryMB)) {
    throw new Error(`cloud function ${name}: memory ${settings.memoryMB} MB is not one of ${MEMORY_CHOICES_MB.join('/')} MB`)
  }
  return settings
}
