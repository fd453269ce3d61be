import fs from 'node:fs'
import { ensureIndexes } from '../../cloud/functions/schema'
import { importStations } from '../../cloud/features/stations/import'
import { createNedbStore } from '../../cloud/lib/store/nedb'
import { configFromEnv } from '../../server/config'
import { readRows } from './read-rows'

/**
 * npm run import:stations <file.csv|file.json>: imports stations into the local store (DATA_DIR,
 * default .data/). Stop the server first: it holds the store in memory and would not see the change
 * (it rebuilds its index on the next start). Bad rows are listed with line and reason; good rows
 * are written; running the same file again changes nothing.
 */
async function main() {
  const file = process.argv[2]
  if (!file) {
    console.error('用法：npm run import:stations <文件.csv|文件.json>')
    process.exit(2)
  }
  const rows = readRows(file, fs.readFileSync(file, 'utf8'))
  const { dataDir } = configFromEnv()
  fs.mkdirSync(dataDir, { recursive: true })
  const store = createNedbStore(dataDir)
  await ensureIndexes(store)
  const started = Date.now()
  const report = await importStations(store, rows, new Date())
  await store.close()
  for (const bad of report.rejected) console.log(`第 ${bad.line} 行${bad.code ? `（${bad.code}）` : ''}：${bad.reasons.join('；')}`)
  console.log(`共 ${rows.length} 行：新增 ${report.inserted}，更新 ${report.updated}，未变 ${report.unchanged}，拒绝 ${report.rejected.length}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`)
  process.exitCode = report.rejected.length ? 1 : 0
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
