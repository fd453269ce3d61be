import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

export interface RunningServer {
  url: string
  dataDir: string
  /** The server process, e.g. to read its memory. */
  pid: number
  /**
   * What the server has printed (stdout and stderr), its last `lines` lines, and whether it is still
   * running: for a caller whose request failed, to tell a crash (an exception, a kill by the
   * out-of-memory killer) from a dropped connection.
   */
  output(lines?: number): string
  stop(): Promise<void>
}

export interface ServerOptions {
  /** A data folder prepared beforehand (a bench's large data set): kept on stop, its maker removes it (the stations bench reads it again in process). */
  dataDir?: string
  /** How long the server may take to load its data and listen. */
  startTimeoutMs?: number
  /** Extra environment, e.g. ALLOW_BENCH_PEOPLE for the bench's many demo people. */
  env?: Record<string, string>
  /** Demo mode (the default, as `npm start`): the demo people, their login and /api/echo. */
  demo?: boolean
  /** Writes data into the data folder before the server starts (the benefits bench's offers). */
  prepare?: (dataDir: string) => void
}

/**
 * Starts the real local server (the same entry as `npm start`) on a free port with an empty data
 * folder, so it seeds the demo data exactly as a first start would. Needs `dist/h5` built.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, 'dist/h5/index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` first')
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-data-'))
  // A bench writes its data (nedb files) into the folder before the server opens it.
  options.prepare?.(dataDir)
  const startTimeoutMs = options.startTimeoutMs ?? 30_000
  const args = ['--import', 'tsx', path.join(ROOT, 'server/main.ts'), ...(options.demo === false ? [] : ['--demo'])]
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...options.env, PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${startTimeoutMs / 1000} s:\n${output}`)), startTimeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/localhost:\d+)\//.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  return {
    url,
    dataDir,
    pid: child.pid ?? 0,
    output(lines = 50) {
      const state = child.exitCode !== null || child.signalCode !== null ? `(the server has exited: ${child.signalCode ?? `code ${child.exitCode}`})` : '(the server is still running)'
      return [...output.trimEnd().split('\n').slice(-lines), state].join('\n')
    },
    async stop() {
      // A server killed by a signal has no exit code: waiting for its exit then would wait for ever.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
