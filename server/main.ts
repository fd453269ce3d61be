import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { systemClock } from '../cloud/lib/clock'
import { ensureIndexes } from '../cloud/lib/collections'
import { createNedbStore } from '../cloud/lib/store/nedb'
import { createApp } from './app'
import { configFromEnv } from './config'
import { loadOrCreateSecrets } from './secrets'
import { seedDemo } from './seed/demo'

/** npm start: build the web app if it is missing, open the embedded store, seed, serve. */
async function main() {
  const config = configFromEnv()
  if (!fs.existsSync(path.join(config.webRoot, 'index.html'))) {
    console.log('首次启动：正在构建网页版（约 20 秒）…')
    const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { stdio: 'inherit', cwd: path.resolve(__dirname, '..') })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
  fs.mkdirSync(config.dataDir, { recursive: true })
  const store = createNedbStore(config.dataDir)
  await ensureIndexes(store)
  if (await seedDemo(store, systemClock)) console.log(`已写入演示数据：${config.dataDir}`)

  const server = createApp({
    store,
    clock: systemClock,
    secrets: loadOrCreateSecrets(config.dataDir),
    sessionTtlMs: config.sessionTtlMs,
    maxBodyBytes: config.maxBodyBytes,
    webRoot: config.webRoot,
    allowBenchPeople: process.env.ALLOW_BENCH_PEOPLE === '1',
    logError: (message, error) => console.error(message, error instanceof Error ? error.stack : error),
  })
  server.listen(config.port, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    console.log(`工会会员服务已启动：http://localhost:${port}/`)
  })
  const stop = () => server.close(() => void store.close().then(() => process.exit(0)))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
