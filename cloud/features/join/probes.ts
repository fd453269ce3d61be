import { CloudError } from '../../../domain/errors'
import { chinaToday } from '../../../domain/time'
import { keyedHash } from '../../lib/crypto'
import type { ActionContext } from '../../lib/context'
import { DuplicateKeyError } from '../../lib/store/port'
import { joinDb } from './collections'

/**
 * How many ID numbers held by other accounts one account may try a day (#14). Each answer is
 * neutral (ID_NUMBER_HELD), but it still says "in use"; this keeps an account from walking a list.
 * A person who mistypes their own number once or twice stays far below it.
 */
export const ID_PROBES_PER_DAY = 5

const accountOf = (ctx: ActionContext, openid: string) => keyedHash(ctx.secrets.hashKey, `join-probe-account:${openid}`)
const probeIdOf = (ctx: ActionContext, openid: string, idHash: string, day: string) => `probe-${keyedHash(ctx.secrets.hashKey, `join-probe:${openid}:${idHash}:${day}`).slice(0, 40)}`

/** Refuses, before any lock is looked at, an account that used up today's tries on a number it has not tried today. */
export async function requireProbesLeft(ctx: ActionContext, openid: string, idHash: string): Promise<void> {
  const day = chinaToday(ctx.now())
  const { probes } = joinDb(ctx.store)
  if (await probes.get(probeIdOf(ctx, openid, idHash, day))) return
  if ((await probes.count({ account: accountOf(ctx, openid), day })) >= ID_PROBES_PER_DAY) throw new CloudError('RATE_LIMITED', '今天尝试的身份证号太多，请明天再试；如有疑问请联系工会')
}

export async function recordProbe(ctx: ActionContext, openid: string, idHash: string): Promise<void> {
  const day = chinaToday(ctx.now())
  try {
    await joinDb(ctx.store).probes.insert({ _id: probeIdOf(ctx, openid, idHash, day), account: accountOf(ctx, openid), day, createdAt: ctx.now().toISOString() })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
}
