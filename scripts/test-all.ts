/**
 * `npm test`: every check. Each npm script starts as soon as the scripts it needs have passed, so
 * checks that use different cores overlap: tsc and eslint are single-threaded, and so is most of each
 * webpack build; the WeChat compiler's check starts when the weapp build ends, while the slower h5
 * build still runs. Nothing starts after a failure. Each script's output is printed whole when it
 * ends, so parallel logs stay readable, and the time of each is printed at the end: CI's budget is
 * watched here.
 */
import { spawn } from 'node:child_process'

/** Each script and the scripts it waits for. */
const NEEDS: Record<string, string[]> = {
  typecheck: [],
  lint: [],
  'test:unit': ['typecheck', 'lint'],
  'build:weapp': ['test:unit'],
  'build:h5': ['test:unit'],
  'build:cloud': ['test:unit'],
  'test:weapp': ['build:weapp'],
  'test:e2e': ['build:h5', 'build:cloud'],
}

interface Finished {
  script: string
  code: number
  seconds: number
  /** Not run, because a script it needs failed. */
  skipped?: boolean
}

function run(script: string): Promise<Finished> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    const output: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk))
    child.on('close', (code) => {
      const seconds = Math.round((Date.now() - started) / 1000)
      process.stdout.write(`\n──── npm run ${script} (${seconds} s, exit ${code}) ────\n`)
      process.stdout.write(Buffer.concat(output))
      resolve({ script, code: code ?? 1, seconds })
    })
  })
}

async function main(): Promise<void> {
  const times: Finished[] = []
  const started = new Map<string, Promise<Finished>>()
  const failed: string[] = []
  // A script runs once every script it needs has passed; after any failure nothing new starts.
  const runAfterNeeds = (script: string): Promise<Finished> => {
    let once = started.get(script)
    if (!once) {
      once = Promise.all(NEEDS[script].map(runAfterNeeds)).then(async (needs) => {
        if (needs.some((n) => n.code !== 0) || failed.length > 0) return { script, code: 1, seconds: 0, skipped: true }
        const finished = await run(script)
        times.push(finished)
        if (finished.code !== 0) failed.push(script)
        return finished
      })
      started.set(script, once)
    }
    return once
  }
  await Promise.all(Object.keys(NEEDS).map(runAfterNeeds))
  if (failed.length > 0) {
    console.error(`\n✗ failed: ${failed.join(', ')}`)
    process.exit(1)
  }
  console.log('\n✓ every check passed. Times (s):')
  for (const { script, seconds } of times) console.log(`  ${script.padEnd(12)} ${seconds}`)
}

void main()
