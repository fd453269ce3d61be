import { importUnions } from '../../cloud/features/unions/import'
import { exitWith, runImportCli } from '../lib/import-cli'

/**
 * npm run import:unions -- [--cloud] <file.csv|file.json>: imports a union tree (columns or keys
 * code, name, level, parentCode, regionCode, status) into the local store (DATA_DIR; stop the server
 * first) or, with --cloud, into WeChat Cloud's database (scripts/lib/import-cli.ts). All or nothing:
 * any bad row is listed with its line and reasons and nothing is written.
 */
exitWith(
  runImportCli(
    {
      usage: '用法：npm run import:unions -- [--cloud] <文件.csv|文件.json>',
      run: (store, rows) => importUnions(store, rows),
      summary: (r, rows, seconds) =>
        r.applied
          ? `共 ${rows} 行：新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}；随上级更名或调整而更新的下级工会 ${r.followed}（${seconds.toFixed(1)} 秒）`
          : `共 ${rows} 行，其中 ${r.rejected.length} 行有误：未做任何更改。请修正后重新导入。`,
    },
    process.argv.slice(2),
    process.env,
  ),
)
