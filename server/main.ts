import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { systemClock } from '../cloud/lib/clock'
import { ensureIndexes } from '../cloud/functions/schema'
import { addMissingTerms } from '../cloud/features/unions/backfill'
import { backfillStationTerms } from '../cloud/features/stations/backfill'
import { placeStoredMerchantsAndRoles } from '../cloud/features/merchants/backfill'
import { rebuildFiguresIfEmpty } from '../cloud/features/staff/rebuild'
import { backfillReviewLevels } from '../cloud/features/aid/backfill'
import { createNedbStore } from '../cloud/lib/store/nedb'
import { createApp } from './app'
import { offsetClock } from './devclock'
import { configFromEnv, isLoopback, startupCheck } from './config'
import { lockDownDataDir } from './data-dir'
import { startSchedule } from './schedule'
import { loadOrCreateSecrets } from './secrets'
import { seedDemo } from './seed/demo'

/**
 * npm start (`--demo`): build the web app if it is missing, open the embedded store, seed the demo
 * data, serve on 127.0.0.1. Without --demo: no demo data, no demo login (README, "Running it for real").
 */
async function main() {
  const config = configFromEnv()
  const { refuse, warnings } = startupCheck(config)
  if (refuse) {
    console.error(refuse)
    process.exit(1)
  }
  for (const warning of warnings) console.warn(warning)
  if (!fs.existsSync(path.join(config.webRoot, 'index.html'))) {
    console.log('首次启动：正在构建网页版（约 1–2 分钟，只需一次）…')
    const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { stdio: 'inherit', cwd: path.resolve(__dirname, '..') })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
  lockDownDataDir(config.dataDir)
  const store = createNedbStore(config.dataDir)
  // A DATA_DIR from before #16: merchants and roles get their place in the tree (and merchants the
  // key of their unique index, which must be there before the index is made).
  const placed = await placeStoredMerchantsAndRoles(store, systemClock.now().toISOString())
  if (placed.merchants || placed.roles) console.log(`已为 ${placed.merchants} 个商户、${placed.roles} 个角色补上所属工会`)
  await ensureIndexes(store)
  if (config.demo && (await seedDemo(store, systemClock))) console.log(`已写入演示数据：${config.dataDir}`)
  // A DATA_DIR from before union search terms: its unions get them, so search finds them.
  const backfilled = await addMissingTerms(store)
  if (backfilled) console.log(`已为 ${backfilled} 个工会补上查找用的关键字`)
  // And its stations (before #18, or before the stop list): search finds them, the index stays small.
  const stationsFixed = await backfillStationTerms(store)
  if (stationsFixed.fixed) console.log(`已为 ${stationsFixed.fixed} 个驿站更新查找用的关键字`)
  // A DATA_DIR from before the staff figures' counters: made once from its records (the seed's included).
  const figures = await rebuildFiguresIfEmpty(store)
  if (figures.rebuilt) console.log(`已从现有记录生成统计计数（${figures.documents} 条）`)
  // And its 金秋助学 applications and objections from before stop 25: the desk and queues find them by their reviewing unions.
  const levels = await backfillReviewLevels(store, Infinity)
  if (levels.filled) console.log(`已为 ${levels.filled} 条助学申请和异议补上审核工会`)

  // Browser tests move time past a 公示 with DEV_CLOCK=1; a normal start keeps the system clock.
  const devClock = config.devClock ? offsetClock(systemClock) : null
  const secrets = loadOrCreateSecrets(config.dataDir)
  const logError = (message: string, error: unknown) => console.error(message, error instanceof Error ? error.stack : (error ?? ''))
  const server = createApp({
    store,
    clock: devClock ?? systemClock,
    devClock,
    secrets,
    sessionTtlMs: config.sessionTtlMs,
    maxBodyBytes: config.maxBodyBytes,
    webRoot: config.webRoot,
    demo: config.demo,
    allowBenchPeople: config.allowBenchPeople,
    mapTiles: config.mapTiles.ok ? config.mapTiles.source : null,
    uploadDir: path.join(config.dataDir, 'uploads'),
    logError,
  })
  // Daily jobs (coupon expiry reminders) at the hour WeChat's timer triggers would run them.
  const stopSchedule = startSchedule({ store, clock: devClock ?? systemClock, secrets, logError, uploadDir: path.join(config.dataDir, 'uploads') })
  server.listen(config.port, config.host, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    const shown = isLoopback(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host
    console.log(`工会会员服务已启动${config.demo ? '（演示模式）' : ''}：http://${shown}:${port}/`)
  })
  const stop = () => {
    stopSchedule()
    server.close(() => void store.close().then(() => process.exit(0)))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
