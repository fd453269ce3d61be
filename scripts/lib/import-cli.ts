import fs from 'node:fs'
import { ensureIndexes } from '../../cloud/functions/schema'
import { placeStoredMerchantsAndRoles } from '../../cloud/features/merchants/backfill'
import type { ImportRow, RejectedRow } from '../../cloud/lib/import-rows'
import { createNedbStore } from '../../cloud/lib/store/nedb'
import type { Store } from '../../cloud/lib/store/port'
import { createWxStore, type WxDatabase } from '../../cloud/lib/store/wx'
import { configFromEnv } from '../../server/config'
import { readRows } from './read-rows'

/**
 * What the data importers (npm run import:stations, import:unions) share: the arguments, where they
 * write, reading the file, and the report. The import itself takes a Store and knows nothing of
 * this; here the CLI only builds that store:
 * - by default the embedded store under DATA_DIR (stop the server first: it holds the store in
 *   memory and would not see the change);
 * - with --cloud, WeChat Cloud's database, through the same WeChat adapter the deployed functions
 *   use (createWxStore), so stations get the `location` field geoNear needs.
 */

/** The environment variables --cloud reads: the cloud environment and an API key of its Tencent Cloud account. */
export const CLOUD_VARIABLES = {
  env: 'TCB_ENV_ID',
  secretId: 'TENCENTCLOUD_SECRETID',
  secretKey: 'TENCENTCLOUD_SECRETKEY',
} as const
/** Optional: the session token that goes with a temporary key. */
export const CLOUD_SESSION_TOKEN = 'TENCENTCLOUD_SESSIONTOKEN'

/** A mistake of the operator's (arguments, environment): said in plain words, exit code 2. */
export class ImportSetupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportSetupError'
  }
}

/** Environment variables (process.env, or a test's own). */
export type Env = Readonly<Record<string, string | undefined>>

export interface ImportArgs {
  file: string
  cloud: boolean
}

export function parseImportArgs(argv: readonly string[], usage: string): ImportArgs {
  const flags = argv.filter((a) => a.startsWith('-'))
  const files = argv.filter((a) => !a.startsWith('-'))
  const unknown = flags.filter((f) => f !== '--cloud')
  if (unknown.length) throw new ImportSetupError(`不认识的选项：${unknown.join(' ')}\n${usage}`)
  if (files.length !== 1) throw new ImportSetupError(usage)
  return { file: files[0], cloud: flags.includes('--cloud') }
}

export interface CloudCredentials {
  env: string
  secretId: string
  secretKey: string
  sessionToken?: string
}

/** The --cloud credentials from the environment, or a plain-words error naming what is missing (never the values). */
export function cloudCredentials(env: Env): CloudCredentials {
  const value = (name: string) => (env[name] ?? '').trim()
  const missing = Object.values(CLOUD_VARIABLES).filter((name) => !value(name))
  if (missing.length) {
    throw new ImportSetupError(
      [
        `导入到微信云开发需要设置环境变量：${missing.join('、')}。`,
        `${CLOUD_VARIABLES.env} 是云开发环境 ID（云开发控制台 → 设置）；${CLOUD_VARIABLES.secretId} 和 ${CLOUD_VARIABLES.secretKey} 是该环境所属腾讯云账号的 API 密钥（腾讯云控制台 → 访问管理 → API 密钥管理）。`,
        '只在运行导入的终端里设置，不要写进仓库里的文件。未读取文件，也未做任何更改。',
      ].join('\n'),
    )
  }
  const sessionToken = value(CLOUD_SESSION_TOKEN)
  return { env: value(CLOUD_VARIABLES.env), secretId: value(CLOUD_VARIABLES.secretId), secretKey: value(CLOUD_VARIABLES.secretKey), ...(sessionToken ? { sessionToken } : {}) }
}

/** The part of wx-server-sdk an import uses. */
export interface WxServerSdkForImport {
  init(options: CloudCredentials): void
  database(): WxDatabase
}

/**
 * wx-server-sdk, not @cloudbase/node-sdk: the functions run on wx-server-sdk, whose database() is
 * what createWxStore is written and tested against. node-sdk's own database() is the same query
 * builder underneath, but it answers a failure with a returned { code, message } instead of throwing,
 * and its add/update take other shapes; wx-server-sdk wraps exactly that SDK (initialised here with
 * the environment and an API key instead of a function's own identity) and throws errCode/errMsg.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const requireWxServerSdk = (): WxServerSdkForImport => require('wx-server-sdk')

export type ImportTarget = { kind: 'local'; dataDir: string } | { kind: 'cloud'; credentials: CloudCredentials }

/** Where to write, decided (and --cloud's variables checked) before anything is read. */
export function importTarget(args: ImportArgs, env: Env): ImportTarget {
  return args.cloud ? { kind: 'cloud', credentials: cloudCredentials(env) } : { kind: 'local', dataDir: configFromEnv(env as NodeJS.ProcessEnv).dataDir }
}

export async function openImportStore(target: ImportTarget, loadSdk: () => WxServerSdkForImport = requireWxServerSdk): Promise<{ store: Store; where: string }> {
  if (target.kind === 'cloud') {
    const sdk = loadSdk()
    sdk.init(target.credentials)
    // Collections and indexes in WeChat's database are the deploy's (README); the adapter makes none.
    return { store: createWxStore(sdk.database()), where: `微信云开发环境 ${target.credentials.env}` }
  }
  fs.mkdirSync(target.dataDir, { recursive: true })
  const store = createNedbStore(target.dataDir)
  // As the local server's start does: an older DATA_DIR's merchants get the key their unique index needs.
  await placeStoredMerchantsAndRoles(store, new Date().toISOString())
  await ensureIndexes(store)
  return { store, where: `本地数据目录 ${target.dataDir}` }
}

export interface ImportCli<R extends { rejected: RejectedRow[] }> {
  usage: string
  run(store: Store, rows: ImportRow[]): Promise<R>
  /** The closing line: what was written, or that nothing was. */
  summary(report: R, rows: number, seconds: number): string
}

/**
 * Runs one import from the command line; returns the exit code: 0 done, 1 rows refused, 2 the
 * operator's mistake (arguments, missing variables, unreadable file). Bad rows are listed with line
 * and reasons.
 */
export async function runImportCli<R extends { rejected: RejectedRow[] }>(
  cli: ImportCli<R>,
  argv: readonly string[],
  env: Env,
  io: { out(line: string): void; err(line: string): void; loadSdk?: () => WxServerSdkForImport } = { out: console.log, err: console.error },
): Promise<number> {
  let rows: ImportRow[]
  let target: ImportTarget
  let file: string
  try {
    const args = parseImportArgs(argv, cli.usage)
    file = args.file
    target = importTarget(args, env)
    rows = readRows(file, readFile(file))
  } catch (error) {
    io.err(error instanceof ImportSetupError ? error.message : `读取失败：${(error as Error).message}`)
    return 2
  }
  const started = Date.now()
  const { store, where } = await openImportStore(target, io.loadSdk)
  let report: R
  try {
    io.out(`导入 ${file} 到${where}`)
    report = await cli.run(store, rows)
  } finally {
    await store.close()
  }
  for (const bad of report.rejected) io.out(`第 ${bad.line} 行${bad.code ? `（${bad.code}）` : ''}：${bad.reasons.join('；')}`)
  io.out(cli.summary(report, rows.length, (Date.now() - started) / 1000))
  return report.rejected.length ? 1 : 0
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new ImportSetupError(`读不了文件 ${file}：${(error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (error as Error).message}`)
  }
}

/** The process's end: the exit code, and an unexpected failure said without a stack trace or any secret. */
export function exitWith(code: Promise<number>): void {
  code.then(
    (c) => {
      process.exitCode = c
    },
    (error: unknown) => {
      const e = error as { errCode?: unknown; errMsg?: unknown; message?: unknown }
      console.error(`导入中断：${String(e?.errMsg ?? e?.message ?? error)}${e?.errCode !== undefined ? `（${String(e.errCode)}）` : ''}`)
      console.error('已写入的部分保留；修正后用同一文件再运行一次，只补上没写完的。')
      process.exitCode = 1
    },
  )
}
