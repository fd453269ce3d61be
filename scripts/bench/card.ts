import { randomBytes } from 'node:crypto'
import { cardPublicKeys, signCard } from '../../cloud/lib/cardKeys'
import { verifyCardToken } from '../../domain/card/verify'
import { Results } from './results'
import { percentile, round } from './stats'

/**
 * card.verify_offline_ms (#15): the p50 of one offline check of a member card's token, over 1,000
 * tokens, with the very module the check page runs (domain/card/verify.ts, tweetnacl). Signed by
 * the cloud's code, under a current and a previous key, as after a rotation. No network, no store.
 */
export function benchCard(results: Results, tokens = 1000): void {
  const secrets = { cardKey: randomBytes(32), cardKeyPrevious: randomBytes(32) }
  const keys = cardPublicKeys(secrets)
  const now = Date.now()
  const signed = Array.from({ length: tokens }, (_, i) => signCard(secrets, { m: `membership-${i}`, exp: now + 5 * 60_000, u: '呼和浩特市新城区示例速递（演示）有限公司工会', n: '王*骑' }))
  // A few untimed rounds first, so the figure is the steady state rather than the JIT warming up.
  for (const token of signed.slice(0, 50)) verifyCardToken(token, keys, now)
  const durations = signed.map((token) => {
    const start = performance.now()
    const check = verifyCardToken(token, keys, now)
    const took = performance.now() - start
    if (!check.ok) throw new Error(`bench token refused: ${check.problem}`)
    return took
  })
  results.add('card.verify_offline_ms', round(percentile(durations, 50), 3), 'ms')
}

// `npx tsx scripts/bench/card.ts`: this figure alone.
if (require.main === module) benchCard(new Results())
