import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { startServer } from '../lib/local-server'
import { weappSizes } from '../lib/weapp-sizes'
import { benchAid } from './aid'
import { benchAudit } from './audit'
import { benchBenefits, prepareBenefitsData } from './benefits'
import { benchCard } from './card'
import { benchCloud } from './cloud'
import { benchH5 } from './h5'
import { benchJoin } from './join'
import { Results } from './results'
import { benchTransfer } from './transfer'
import { benchStations } from './stations'
import { benchStationImport } from './stations-import'
import { benchStaff } from './staff'

/**
 * npm run bench: prints figures and writes bench-results.json. It never fails on speed; it fails
 * only when it cannot measure. `npm run bench -- <part>` runs one part (PARTS). Sizes are of production builds (never of a --watch build).
 */
const ROOT = path.resolve(__dirname, '../..')

function ensureBuild(type: 'weapp' | 'h5') {
  const marker = type === 'weapp' ? 'app.json' : 'index.html'
  if (fs.existsSync(path.join(ROOT, 'dist', type, marker))) return
  const build = spawnSync('npx', ['taro', 'build', '--type', type], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0) throw new Error(`taro build --type ${type} failed`)
}

/** One part alone (`npm run bench -- stations`): its figures are printed, bench-results.json is left as it was. */
const PARTS: Record<string, (results: Results) => Promise<void>> = { stations: benchStations, 'stations-import': benchStationImport }

async function main() {
  const results = new Results()
  const part = process.argv[2]
  if (part) {
    if (!PARTS[part]) throw new Error(`unknown part ${part}; one of: ${Object.keys(PARTS).join(', ')}`)
    ensureBuild('h5')
    await PARTS[part](results)
    return
  }
  ensureBuild('weapp')
  ensureBuild('h5')

  console.log('weapp 包体积')
  const weapp = weappSizes(path.join(ROOT, 'dist/weapp'))
  results.add('weapp.main_package_bytes', weapp.mainBytes, 'bytes')
  results.add('weapp.total_bytes', weapp.totalBytes, 'bytes')

  // Bench people (bench-<n>) give the join bench many distinct identities; never on in `npm start`.
  const server = await startServer({ env: { ALLOW_BENCH_PEOPLE: '1' } })
  try {
    const login = await fetch(`${server.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as: 'member' }) })
    const { token } = (await login.json()) as { token: string }
    console.log('网页版首页')
    await benchH5(server.url, token, results)
    console.log('云函数（HTTP）')
    await benchCloud(server.url, token, results)
    console.log('转会（HTTP）')
    await benchTransfer(server.url, results)
    console.log('入会（HTTP）')
    await benchJoin(server.url, results)
    console.log('金秋助学')
    await benchAid(server.url, results)
  } finally {
    await server.stop()
  }
  console.log('会员码离线核验（核验页的代码，1,000 个）')
  benchCard(results)
  console.log('驿站（186,000 个，独立的服务器与数据）')
  await benchStations(results)
  console.log('驿站批量导入（5,000 行，两种存储）')
  await benchStationImport(results)
  console.log('台账操作记录（200,000 条，进程内）')
  await benchAudit(results)

  console.log('工会统计（10 万入会申请、5 万张券，两种存储）')
  await benchStaff(results)

  // Benefits on its own server: 10,000 offers and 1,000 members written before it starts.
  const benefitsServer = await startServer({ env: { ALLOW_BENCH_PEOPLE: '1' }, prepare: prepareBenefitsData })
  try {
    console.log('普惠福利（HTTP）')
    await benchBenefits(benefitsServer.url, results)
  } finally {
    await benefitsServer.stop()
  }
  results.write()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
