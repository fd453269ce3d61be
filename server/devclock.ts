import type { Clock } from '../cloud/lib/clock'

/**
 * A clock the browser tests can move forward (to the end of a 公示, say): the system clock plus an
 * offset. The server uses it only when started with DEV_CLOCK=1 (server/config.ts); `npm start` never does.
 */
export function offsetClock(base: Clock): Clock & { advance(ms: number): number } {
  let offset = 0
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance(ms) {
      offset += ms
      return offset
    },
  }
}
