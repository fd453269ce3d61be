/**
 * `npm test`: every check, in stages. Within a stage the npm scripts run side by side (they use
 * different cores: tsc and eslint are single-threaded, and so is most of each webpack build); a stage
 * starts when the one before has passed. Each script's output is printed whole when it ends, so
 * parallel logs stay readable, and the time of each is printed at the end: CI's budget is watched here.
 */
import { spawn } from 'node:child_process'

const STAGES: string[][] = [
  ['typecheck', 'lint'],
  ['test:unit'],
  ['build:weapp', 'build:h5', 'build:cloud'],
  ['test:weapp'],
  ['test:e2e'],
]

interface Finished {
  script: string
  code: number
  seconds: number
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
  for (const stage of STAGES) {
    const finished = await Promise.all(stage.map(run))
    times.push(...finished)
    const failed = finished.filter((f) => f.code !== 0)
    if (failed.length > 0) {
      console.error(`\n✗ failed: ${failed.map((f) => f.script).join(', ')}`)
      process.exit(1)
    }
  }
  console.log('\n✓ every check passed. Times (s):')
  for (const { script, seconds } of times) console.log(`  ${script.padEnd(12)} ${seconds}`)
}

void main()
