/**
 * Compiles the weapp build with WeChat's own compiler (miniprogram-ci, offline) as DevTools would
 * upload it, checks that every resulting script parses as ES5 (old phones), and checks package
 * sizes against our budget. Run after `npx taro build --type weapp`:
 *
 *   npx tsx tests/weapp/compile.ts [dir]        (npm run test:weapp; dir defaults to dist/weapp)
 *
 * miniprogram-ci needs an appid and a private key only to talk to WeChat's servers; nothing here
 * does: the key is a throwaway generated for this run in a temporary folder (never in the repo), and
 * the project's attributes come from ci.DefaultProjectAttr instead of a server call.
 */
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { format } from 'node:util'
import { es5Problems, es5SettingOf, type Es5Setting } from '../../scripts/lib/es5'
import { fontFollowProblems } from '../../scripts/lib/weapp-font'
import { templateAliasProblems } from '../../scripts/lib/weapp-template'
import { subpackageRoots, sumSizes, weappSizes, WEAPP_BUDGET, type WeappSizes } from '../../scripts/lib/weapp-sizes'
import { mainBreakdown } from './main-breakdown'

type CI = typeof import('miniprogram-ci')
type ProjectOptions = ConstructorParameters<CI['Project']>[0] & { attr: () => Promise<CI['DefaultProjectAttr']> }
type TaskStatus = { id: string; message: string; status: string }

/** Well-formed but not a real appid: nothing is sent anywhere. */
const FAKE_APPID = 'wx0000000000000000'
/** WEAPP_COMPILE_TIMEOUT_S lengthens it on a machine busy with other builds (6–10 s is usual). */
const TIMEOUT_MS = (Number(process.env.WEAPP_COMPILE_TIMEOUT_S) || 180) * 1000

/**
 * What the compiler is asked to do: what WeChat DevTools does when it uploads this project, with
 * the project file's own compile switches. `es6` + `enhance` is WeChat's "将 JS 代码编译成 ES5"
 * (Babel 7, preset-env for `{ chrome: 53, ios: 8 }`; miniprogram-ci calls enhance `es7`):
 * https://developers.weixin.qq.com/miniprogram/dev/devtools/codecompile.md. With them off the
 * scripts are copied through as the Taro build wrote them (ES2020: `?.`, `??`), which old phones
 * cannot parse; every compiled script is therefore parsed at ES5 below, and any that fails fails
 * the run. `minify` makes the compiler parse every WXML and WXSS file as well (with minify off a
 * broken one is copied through); sizes are checked on the build's files, which is what WeChat
 * measures (checkCodeQuality's figure).
 */
function compileSetting(es5: Es5Setting) {
  return { es6: es5.es6, es7: es5.enhance, minify: true }
}

/** The project file WeChat DevTools opens (the root's, which the Taro build copies into dist/weapp). */
function projectSetting(dir: string): Es5Setting {
  const file = [path.join(dir, 'project.config.json'), path.resolve('project.config.json')].find((f) => existsSync(f))
  return es5SettingOf(file ? JSON.parse(readFileSync(file, 'utf8')) : null)
}

/**
 * miniprogram-ci talks a lot (progress, its forked compiler, a failed fetch of WeChat's file-type
 * list that falls back to the built-in one). Keep it quiet while it works.
 */
function captureConsole(): { lines: string[]; restore(): void } {
  const lines: string[] = []
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
  const saved = methods.map((m) => console[m])
  for (const m of methods) console[m] = (...args: unknown[]) => void lines.push(format(...args))
  return {
    lines,
    restore: () => methods.forEach((m, i) => (console[m] = saved[i])),
  }
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish in ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS).unref()),
  ])
}

/** One readable message: code, file, and the compiler's text with minified lines cut short. */
function describeError(error: unknown, failedFiles: string[]): string {
  const e = error as { code?: unknown; path?: unknown; message?: unknown }
  const message = typeof e?.message === 'string' ? e.message : String(error)
  const file = typeof e?.path === 'string' ? e.path : failedFiles.find((f) => !message.includes(f))
  const head = [e?.code !== undefined ? `error ${String(e.code)}` : 'error', file ? `in ${file}` : ''].filter(Boolean).join(' ')
  const body = message
    .split('\n')
    .slice(0, 12)
    .map((line) => (line.length > 160 ? line.slice(0, 157) + '...' : line))
    .join('\n')
  return `${head}:\n${body}`
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

async function run(dir: string): Promise<number> {
  if (!existsSync(path.join(dir, 'app.json'))) {
    console.error(`WeChat compiler: no app.json in ${dir}; run \`npx taro build --type weapp\` first`)
    return 1
  }

  const keyDir = mkdtempSync(path.join(tmpdir(), 'weapp-ci-'))
  const privateKeyPath = path.join(keyDir, 'private.key')
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  writeFileSync(privateKeyPath, privateKey, { mode: 0o600 })

  const es5 = projectSetting(dir)
  const captured = captureConsole()
  const loadStarted = Date.now()
  // Loaded here, not at the top, so its start-up chatter is captured too.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ci: CI = require('miniprogram-ci')
  const loadMs = Date.now() - loadStarted

  // Progress tasks name the file they compile ("Compiling pages/me/index.js"): remember them, so a
  // failure that does not name its file can still be traced to one.
  const taskFiles = new Map<string, string>()
  const failedFiles: string[] = []
  const onProgressUpdate = (task: TaskStatus | string) => {
    if (typeof task === 'string') return
    const compiling = /^Compiling (.+)$/.exec(task.message)
    if (compiling) taskFiles.set(task.id, compiling[1])
    if (task.status === 'fail' && taskFiles.has(task.id)) failedFiles.push(taskFiles.get(task.id)!)
  }

  const started = Date.now()
  let compiled: Record<string, string | Buffer>
  let compileMs: number
  let quality: Awaited<ReturnType<CI['checkCodeQuality']>> | null = null
  let qualityError: string | null = null
  try {
    const options: ProjectOptions = {
      appid: FAKE_APPID,
      type: 'miniProgram',
      projectPath: dir,
      privateKeyPath,
      ignores: ['node_modules/**/*'],
      attr: async () => ci.DefaultProjectAttr,
    }
    const project = new ci.Project(options)
    compiled = await withTimeout(ci.getCompiledResult({ project, version: '0.0.0', setting: compileSetting(es5), onProgressUpdate }), 'getCompiledResult')
    compileMs = Date.now() - started
    try {
      quality = await withTimeout(ci.checkCodeQuality(project), 'checkCodeQuality')
    } catch (error) {
      qualityError = error instanceof Error ? error.message : String(error)
    }
  } catch (error) {
    captured.restore()
    console.error(`WeChat compiler: FAILED on ${dir} (after ${((Date.now() - started) / 1000).toFixed(1)} s)\n${describeError(error, failedFiles)}`)
    return 1
  } finally {
    captured.restore()
    rmSync(keyDir, { recursive: true, force: true })
  }

  // Old phones: every script as it would reach them must parse as ES5.
  const scripts = Object.entries(compiled).map(([file, content]): [string, string] => [file, typeof content === 'string' ? content : content.toString('utf8')])
  const notEs5 = es5Problems(scripts)
  if (notEs5.length) {
    const shown = notEs5.slice(0, 10).map((p) => `${p.file}: ${p.message}`)
    console.error(
      `WeChat compiler: ${notEs5.length} of ${scripts.filter(([f]) => f.endsWith('.js')).length} scripts would not parse on an old phone (not ES5):\n  ${shown.join('\n  ')}` +
        (notEs5.length > shown.length ? `\n  … and ${notEs5.length - shown.length} more` : '') +
        `\nproject.config.json has setting.es6=${es5.es6}, setting.enhance=${es5.enhance}: WeChat compiles scripts to ES5 only with both on.`,
    )
    return 1
  }
  const scriptCount = scripts.filter(([f]) => f.endsWith('.js')).length

  // Older members: every page's text follows their WeChat font size (page-meta, sizes in rem).
  const fontProblems = fontFollowProblems(dir)
  if (fontProblems.length) {
    console.error(`WeChat compiler: ${fontProblems.length} places would not follow the person's font size:\n  ${fontProblems.slice(0, 10).join('\n  ')}`)
    return 1
  }

  // Screen readers: base.wxml writes the aria-* names, and reads every prop where the runtime sends it.
  const templateProblems = templateAliasProblems(dir)
  if (templateProblems.length) {
    console.error(`WeChat compiler: base.wxml and Taro's runtime disagree on ${templateProblems.length} attributes:\n  ${templateProblems.slice(0, 10).join('\n  ')}`)
    return 1
  }

  const roots = subpackageRoots(dir)
  const files = weappSizes(dir)
  const output = sumSizes(
    Object.entries(compiled).map(([file, content]): [string, number] => [file, typeof content === 'string' ? Buffer.byteLength(content) : content.length]),
    roots,
  )
  // checkCodeQuality reports the main package as "__APP__" and subpackages by their root.
  const reported = quality?.find((item) => item.name === 'PACKAGE_SIZE_LIMIT')?.detail as Record<string, number> | undefined
  const reportedFor = (root: string | null): number | undefined => {
    if (!reported) return undefined
    if (root === null) return reported.__APP__
    return Object.entries(reported).find(([key]) => key.replace(/^\.?\//, '').replace(/\/+$/, '') === root)?.[1]
  }

  const rows: Array<{ name: string; pick: (s: WeappSizes) => number; reported: number | undefined; budget: number }> = [
    { name: 'main', pick: (s) => s.mainBytes, reported: reportedFor(null), budget: WEAPP_BUDGET.mainBytes },
    ...roots.map((root) => ({ name: root, pick: (s: WeappSizes) => s.subpackages[root], reported: reportedFor(root), budget: WEAPP_BUDGET.subpackageBytes })),
    { name: 'total', pick: (s: WeappSizes) => s.totalBytes, reported: undefined, budget: WEAPP_BUDGET.totalBytes },
  ]
  const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(18) : c.padEnd(24))).join('')
  const table = [line(['package', 'build files', 'checkCodeQuality', 'compiled (ES5)', 'budget'])]
  const over: string[] = []
  for (const row of rows) {
    const bytes = row.pick(files)
    if (bytes > row.budget) over.push(`${row.name}: ${kb(bytes)} is over its budget of ${kb(row.budget)}`)
    table.push(line([row.name, kb(bytes), row.reported === undefined ? '-' : kb(row.reported), kb(row.pick(output)), kb(row.budget)]))
  }

  const breakdown = ['Main package, file by file:', ...mainBreakdown(dir)]
  if (over.length) {
    console.error(table.join('\n'))
    console.error(breakdown.join('\n'))
    console.error(`\nWeChat compiler: compiled, but over the package size budget:\n  ${over.join('\n  ')}`)
    return 1
  }
  console.log(
    `WeChat compiler: OK (${Object.keys(compiled).length} files compiled in ${(compileMs / 1000).toFixed(1)} s; miniprogram-ci loaded in ${(loadMs / 1000).toFixed(1)} s)`,
  )
  console.log(`Old phones: all ${scriptCount} scripts parse as ES5 (project.config.json: es6 and enhance on)`)
  console.log('Font size: every page has its page-meta root font, and no style is in rpx')
  console.log(table.join('\n'))
  console.log(breakdown.join('\n'))
  if (qualityError) console.log(`(checkCodeQuality failed: ${qualityError})`)
  return 0
}

// miniprogram-ci leaves handles open (a file watcher, its compiler process): always exit explicitly.
run(path.resolve(process.argv[2] ?? 'dist/weapp')).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`WeChat compiler: FAILED\n${error instanceof Error ? error.stack : String(error)}`)
    process.exit(1)
  },
)
