import path from 'node:path'

/**
 * The local host's settings, from the environment: the one place on the server side that reads it
 * (the deployed cloud functions read theirs in cloud/entry/wx.ts; the app's TARO_APP_* are not read
 * at run time: Taro's build writes them into src/platform/*.weapp.ts as text).
 */
export interface ServerConfig {
  port: number
  dataDir: string
  /** Where the h5 build is served from. */
  webRoot: string
  /** Largest JSON body /api/cloud accepts. */
  maxBodyBytes: number
  /** How long a demo session token lasts. */
  sessionTtlMs: number
  /** DEV_CLOCK=1: a clock the browser tests can move forward (server/devclock.ts); `npm start` never sets it. */
  devClock: boolean
  /** ALLOW_BENCH_PEOPLE=1: the benchmark may log in as made-up people bench-<n> (scripts/bench). */
  allowBenchPeople: boolean
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const root = path.resolve(__dirname, '..')
  return {
    port: env.PORT ? Number(env.PORT) : 3000,
    dataDir: path.resolve(root, env.DATA_DIR || '.data'),
    webRoot: path.join(root, 'dist', 'h5'),
    maxBodyBytes: 64 * 1024,
    sessionTtlMs: 7 * 24 * 3600 * 1000,
    devClock: env.DEV_CLOCK === '1',
    allowBenchPeople: env.ALLOW_BENCH_PEOPLE === '1',
  }
}
