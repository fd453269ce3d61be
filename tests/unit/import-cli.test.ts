import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importUnions } from '../../cloud/features/unions/import'
import { cloudCredentials, CLOUD_VARIABLES, ImportSetupError, parseImportArgs, runImportCli, type WxServerSdkForImport } from '../../scripts/lib/import-cli'
import { deploySchema } from '../helpers/store'
import { toCsv, type UnionRecord } from '../helpers/unions'

/** The importers' command line: --cloud and its variables, checked before anything is read. */
const FULL = { TCB_ENV_ID: 'env-test-1a2b', TENCENTCLOUD_SECRETID: 'AKIDexampleexample', TENCENTCLOUD_SECRETKEY: 'secret-key-never-printed' }
const root = path.resolve(__dirname, '../..')

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } }
}

const unionsCli = {
  usage: '用法',
  run: (store: Parameters<typeof importUnions>[0], rows: Parameters<typeof importUnions>[1]) => importUnions(store, rows),
  summary: () => 'done',
}

describe('--cloud credentials', () => {
  it('names every missing variable in plain words, never a value', () => {
    expect(() => cloudCredentials({})).toThrow(ImportSetupError)
    expect(() => cloudCredentials({})).toThrow(/TCB_ENV_ID、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY/)
    try {
      cloudCredentials({ TENCENTCLOUD_SECRETKEY: FULL.TENCENTCLOUD_SECRETKEY, TCB_ENV_ID: '  ' })
      throw new Error('not refused')
    } catch (error) {
      const message = (error as Error).message
      expect(message).toMatch(/^导入到微信云开发需要设置环境变量：TCB_ENV_ID、TENCENTCLOUD_SECRETID。/)
      expect(message).not.toContain(FULL.TENCENTCLOUD_SECRETKEY)
    }
    expect(cloudCredentials({ ...FULL, TENCENTCLOUD_SESSIONTOKEN: 'tok' })).toEqual({ env: FULL.TCB_ENV_ID, secretId: FULL.TENCENTCLOUD_SECRETID, secretKey: FULL.TENCENTCLOUD_SECRETKEY, sessionToken: 'tok' })
    expect(Object.values(CLOUD_VARIABLES)).toEqual(Object.keys(FULL))
  })

  it('reads one file and knows only --cloud', () => {
    expect(parseImportArgs(['a.csv', '--cloud'], 'u')).toEqual({ file: 'a.csv', cloud: true })
    expect(parseImportArgs(['a.csv'], 'u')).toEqual({ file: 'a.csv', cloud: false })
    expect(() => parseImportArgs(['a.csv', '--clod'], 'u')).toThrow('不认识的选项：--clod')
    expect(() => parseImportArgs([], 'u')).toThrow('u')
    expect(() => parseImportArgs(['a.csv', 'b.csv'], 'u')).toThrow('u')
  })

  it('without its variables, --cloud stops before reading the file, loading the SDK or importing', async () => {
    const { err, io } = capture()
    const loadSdk = jest.fn()
    const run = jest.fn()
    const code = await runImportCli({ ...unionsCli, run }, ['--cloud', '/no/such/file.csv'], { TENCENTCLOUD_SECRETID: 'id-only' }, { ...io, loadSdk })
    expect(code).toBe(2)
    expect(err.join('\n')).toContain('TCB_ENV_ID、TENCENTCLOUD_SECRETKEY')
    expect(err.join('\n')).not.toContain('文件不存在')
    expect(loadSdk).not.toHaveBeenCalled()
    expect(run).not.toHaveBeenCalled()
  })

  it('with them, initialises wx-server-sdk with the environment and key and writes through the WeChat adapter', async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { standInCloudDatabase } = require('../stand-ins/cloudbase-db/hook') as typeof import('../stand-ins/cloudbase-db/hook')
    const { server, db } = standInCloudDatabase()
    deploySchema(server)
    const inits: unknown[] = []
    const sdk: WxServerSdkForImport = { init: (options) => void inits.push(options), database: () => db }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'))
    const file = path.join(dir, 'unions.csv')
    const records: UnionRecord[] = [
      { code: 'sz', name: '示例省总工会（演示）', level: 'province', parentCode: '', regionCode: '960000', status: '' },
      { code: 'sz-a', name: '示例甲（演示）工会', level: 'grassroots', parentCode: 'sz', regionCode: '960101', status: '' },
    ]
    fs.writeFileSync(file, toCsv(records))
    const { out, err, io } = capture()
    const code = await runImportCli(unionsCli, [file, '--cloud'], { ...FULL, DATA_DIR: path.join(dir, 'data') }, { ...io, loadSdk: () => sdk })
    expect(code).toBe(0)
    expect(inits).toEqual([{ env: FULL.TCB_ENV_ID, secretId: FULL.TENCENTCLOUD_SECRETID, secretKey: FULL.TENCENTCLOUD_SECRETKEY }])
    expect(server.documents('unions').map((d) => d._id).sort()).toEqual(['sz', 'sz-a'])
    expect(out[0]).toBe(`导入 ${file} 到微信云开发环境 ${FULL.TCB_ENV_ID}`)
    expect([...out, ...err].join('\n')).not.toContain(FULL.TENCENTCLOUD_SECRETKEY)
    // Nothing local was touched.
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false)
  })

  it.each([['unions'], ['stations']])('npm run import:%s -- --cloud refuses without the variables (the real command, exit code 2)', (name) => {
    const env = { ...process.env }
    for (const variable of Object.values(CLOUD_VARIABLES)) delete env[variable]
    const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), [`scripts/${name}/import.ts`, '--cloud', 'no-such-file.csv'], { cwd: root, env, encoding: 'utf8' })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('导入到微信云开发需要设置环境变量：TCB_ENV_ID、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY')
    expect(result.stdout).toBe('')
  }, 60_000)
})
