import { importStations } from '../../cloud/features/stations/import'
import { exitWith, runImportCli } from '../lib/import-cli'

/**
 * npm run import:stations -- [--cloud] <file.csv|file.json>: imports stations into the local store
 * (DATA_DIR, default .data/; stop the server first: it holds the store in memory and rebuilds its
 * index on the next start) or, with --cloud, into WeChat Cloud's database (TCB_ENV_ID,
 * TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY; scripts/lib/import-cli.ts). Bad rows are listed
 * with line and reason; good rows are written; running the same file again changes nothing.
 */
exitWith(
  runImportCli(
    {
      usage: '用法：npm run import:stations -- [--cloud] <文件.csv|文件.json>',
      run: (store, rows) => importStations(store, rows, new Date()),
      summary: (r, rows, seconds) => `共 ${rows} 行：新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}，拒绝 ${r.rejected.length}（${seconds.toFixed(1)} 秒）`,
    },
    process.argv.slice(2),
    process.env,
  ),
)
