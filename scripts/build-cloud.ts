/**
 * The cloud build: one deployable folder per cloud function under dist/cloudfunctions/<name>/
 * (project.config.json's cloudfunctionRoot), each an `index.js` bundle exporting `main` plus a
 * `package.json` that asks the WeChat cloud to install wx-server-sdk on deploy.
 *
 * Every bundle holds its own function's handlers, the dispatcher, the WeChat store adapter, the
 * shared domain code and valibot; only wx-server-sdk stays outside (required on the first call).
 *
 *   npx tsx scripts/build-cloud.ts [outDir]      (npm run build:cloud)
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build, formatMessages, type Message, type Plugin } from 'esbuild'
import { functions } from '../cloud/functions'
import { SCHEDULE } from '../cloud/functions/schedule'

const ROOT = path.resolve(__dirname, '..')
export const DEFAULT_OUT_DIR = path.join(ROOT, 'dist/cloudfunctions')

/** Installed by the WeChat cloud on deploy ("上传并部署：云端安装依赖"); 4.x runs on Node >= 12. */
export const WX_SERVER_SDK_RANGE = '~4.0.2'
/** WeChat cloud functions run Node 16. */
const TARGET = 'node16'

export interface BuiltFunction {
  name: string
  dir: string
  bytes: number
}

/**
 * Cloud code reaches shared code by relative paths only. The app's `@/` alias and Taro packages
 * mean app code leaked into a cloud function: fail the build instead of bundling it.
 */
const forbidAppImports: Plugin = {
  name: 'forbid-app-imports',
  setup(b) {
    b.onResolve({ filter: /^(@\/|@tarojs\/|react$|react-dom$)/ }, (args) => ({
      errors: [{ text: `cloud code must not import "${args.path}" (app code); import domain by a relative path` }],
    }))
  },
}

/** By convention cloud/functions/<name>.ts exports <name>Handlers; checked against the `functions` map. */
function handlerModule(name: string): { file: string; exportName: string } {
  const file = path.join(ROOT, 'cloud/functions', `${name}.ts`)
  const exportName = `${name}Handlers`
  if (!existsSync(file)) throw new Error(`cloud function "${name}": expected its handlers in ${path.relative(ROOT, file)}`)
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require(file) as Record<string, unknown>
  if (mod[exportName] !== (functions as Record<string, unknown>)[name]) {
    throw new Error(`cloud function "${name}": ${path.relative(ROOT, file)} must export ${exportName}, the handlers cloud/functions/index.ts lists`)
  }
  return { file, exportName }
}

function entrySource(name: string, handlersFile: string, exportName: string): string {
  const rel = (file: string) => './' + path.relative(ROOT, file).split(path.sep).join('/').replace(/\.ts$/, '')
  return [
    `import { createWxMain } from '${rel(path.join(ROOT, 'cloud/entry/wx.ts'))}'`,
    `import { ${exportName} } from '${rel(handlersFile)}'`,
    `export const main = createWxMain(${JSON.stringify(name)}, ${exportName})`,
    '',
  ].join('\n')
}

export async function buildCloud(outDir: string = DEFAULT_OUT_DIR): Promise<BuiltFunction[]> {
  const names = Object.keys(functions).sort()
  // Stale folders (a renamed or removed function) would otherwise be deployed again.
  mkdirSync(outDir, { recursive: true })
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (entry.isDirectory()) rmSync(path.join(outDir, entry.name), { recursive: true, force: true })
  }

  const built: BuiltFunction[] = []
  for (const name of names) {
    const { file, exportName } = handlerModule(name)
    const dir = path.join(outDir, name)
    const outfile = path.join(dir, 'index.js')
    await build({
      stdin: { contents: entrySource(name, file, exportName), resolveDir: ROOT, sourcefile: `cloudfunctions/${name}/index.ts`, loader: 'ts' },
      bundle: true,
      platform: 'node',
      target: TARGET,
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      external: ['wx-server-sdk'],
      plugins: [forbidAppImports],
      outfile,
      logLevel: 'silent',
    })
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', main: 'index.js', dependencies: { 'wx-server-sdk': WX_SERVER_SDK_RANGE } }, null, 2) + '\n',
    )
    // cloud.openapi calls need the function to declare them: subscribe messages and 小程序码.
    const triggers = SCHEDULE.filter((job) => job.fn === name).map((job) => ({ name: job.action, type: 'timer', config: job.cron }))
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ permissions: { openapi: OPENAPI_PERMISSIONS }, ...(triggers.length ? { triggers } : {}) }, null, 2) + '\n')
    built.push({ name, dir, bytes: statSync(outfile).size })
  }
  return built
}

export const OPENAPI_PERMISSIONS = ['subscribeMessage.send', 'wxacode.getUnlimited']

async function cli(): Promise<void> {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_OUT_DIR
  const started = Date.now()
  const built = await buildCloud(outDir)
  for (const fn of built) console.log(`${fn.name.padEnd(12)} ${(fn.bytes / 1024).toFixed(1).padStart(7)} KB  ${path.relative(process.cwd(), fn.dir)}/index.js`)
  console.log(`cloud functions: ${built.length} built in ${Date.now() - started} ms`)
}

if (require.main === module) {
  cli().catch(async (error: unknown) => {
    const messages = (error as { errors?: Message[] }).errors
    if (messages?.length) {
      console.error((await formatMessages(messages, { kind: 'error', color: process.stderr.isTTY })).join('\n'))
    } else {
      console.error(error instanceof Error ? error.message : error)
    }
    console.error('cloud build failed')
    process.exit(1)
  })
}
