import path from 'node:path'
import { parseTileSource, type TileSourceResult } from '../domain/stations/map-tiles'

/**
 * The local host's settings, from the environment and the command line: the one place on the server
 * side that reads them (the deployed cloud functions read theirs in cloud/entry/wx.ts; the app's
 * TARO_APP_* are not read at run time: Taro's build writes them into src/platform/*.weapp.ts as text).
 */
export interface ServerConfig {
  port: number
  /** HOST: the interface to listen on; 127.0.0.1 unless the operator chooses to serve beyond this machine. */
  host: string
  dataDir: string
  /** Where the h5 build is served from. */
  webRoot: string
  /** Largest JSON body /api/cloud accepts. */
  maxBodyBytes: number
  /** How long a demo session token lasts. */
  sessionTtlMs: number
  /**
   * `--demo` (what `npm start` passes): demo data, the demo login (/api/dev/*) and /api/echo. Anyone
   * who reaches the port can sign in as a clerk, so it is for one machine unless said otherwise.
   */
  demo: boolean
  /** ALLOW_PUBLIC_DEMO=1: the operator's explicit yes to the demo login beyond this machine. */
  allowPublicDemo: boolean
  production: boolean
  /** DEV_CLOCK=1 (demo only): a clock the browser tests can move forward (server/devclock.ts); `npm start` never sets it. */
  devClock: boolean
  /** ALLOW_BENCH_PEOPLE=1 (demo only): the benchmark may log in as made-up people bench-<n> (scripts/bench). */
  allowBenchPeople: boolean
  /**
   * MAP_TILE_URL, MAP_TILE_SUBDOMAINS, MAP_TILE_ATTRIBUTION: the web map's GCJ-02 tile source
   * (domain/stations/map-tiles.ts); none is the light map with no remote request. Read at start, so
   * changing it needs a restart, not a rebuild.
   */
  mapTiles: TileSourceResult
}

export function configFromEnv(env: Readonly<Record<string, string | undefined>> = process.env, argv: readonly string[] = process.argv): ServerConfig {
  const root = path.resolve(__dirname, '..')
  const demo = argv.includes('--demo')
  return {
    port: env.PORT ? Number(env.PORT) : 3000,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(root, env.DATA_DIR || '.data'),
    webRoot: path.join(root, 'dist', 'h5'),
    maxBodyBytes: 64 * 1024,
    sessionTtlMs: 7 * 24 * 3600 * 1000,
    demo,
    allowPublicDemo: env.ALLOW_PUBLIC_DEMO === '1',
    production: env.NODE_ENV === 'production',
    devClock: demo && env.DEV_CLOCK === '1',
    allowBenchPeople: demo && env.ALLOW_BENCH_PEOPLE === '1',
    mapTiles: parseTileSource(env),
  }
}

/** Addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * Whether these settings may start, and what to say on every start. The demo login hands a clerk's
 * token to whoever reaches the port: beyond this machine (a non-loopback HOST) or under
 * NODE_ENV=production it needs ALLOW_PUBLIC_DEMO=1, and even then every start warns.
 */
export function startupCheck(config: ServerConfig): { refuse: string | null; warnings: string[] } {
  if (!config.mapTiles.ok) return { refuse: `拒绝启动：地图瓦片设置有误：${config.mapTiles.error}`, warnings: [] }
  if (!config.demo) return { refuse: null, warnings: [] }
  const exposed = !isLoopback(config.host)
  if ((exposed || config.production) && !config.allowPublicDemo) {
    const why = exposed ? `HOST=${config.host} 会让本机以外的人访问` : 'NODE_ENV=production'
    return {
      refuse: `拒绝启动：演示模式（--demo）下任何人都能以工作人员身份登录，而 ${why}。只在本机演示请去掉 HOST；确要对外演示，请另加 ALLOW_PUBLIC_DEMO=1。`,
      warnings: [],
    }
  }
  const warnings = ['演示模式：演示数据、演示登录（/api/dev/*）已开启，任何能访问本端口的人都能以演示身份（包括工作人员）登录。']
  if (exposed || config.production) warnings.push(`警告：演示登录已对本机以外开放（HOST=${config.host}，ALLOW_PUBLIC_DEMO=1）。不要在其中存放真实数据。`)
  return { refuse: null, warnings }
}
