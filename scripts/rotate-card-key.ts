import { configFromEnv } from '../server/config'
import { rotateCardKey } from '../server/secrets'

/**
 * Rotates the local home's member-card key (`npx tsx scripts/rotate-card-key.ts`, DATA_DIR as for
 * the server), then restart the server. The previous key stays accepted, so cards shown and keys the
 * checkers' phones cached just before still verify. In WeChat the same is two variables of the
 * functions: CARD_KEY_PREVIOUS = the old CARD_KEY, CARD_KEY = a new `openssl rand -base64 32`.
 */
const { dataDir } = configFromEnv()
rotateCardKey(dataDir)
console.log(`member-card key rotated under ${dataDir}; restart the server to sign with the new key`)
