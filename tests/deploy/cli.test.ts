import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { functions } from '../../cloud/functions'
import { SCHEMA } from '../../cloud/functions/schema'
import { functionSettings } from '../../cloud/functions/settings'
import { checkFunctionVariables, parseEnvFile, readSettings } from '../../scripts/deploy/config'
import { FUNCTION_VARIABLES } from '../../scripts/deploy/desired'
import type { Plan } from '../../scripts/deploy/plan'
import { STORAGE_RULE } from '../../scripts/deploy/rules'
import { localVariables } from './fixtures'

const ROOT = path.resolve(__dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')

/** Every name the deploy reads, so a developer's own settings cannot leak into the test. */
const DEPLOY_NAMES = ['TCB_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TENCENTCLOUD_SESSIONTOKEN', 'TCB_REGION', ...FUNCTION_VARIABLES]

describe('npm run deploy:cloud, as a child process', () => {
  let dir: string
  const run = (args: string[], extra: Record<string, string> = {}) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
    for (const name of DEPLOY_NAMES) if (!(name in extra)) delete env[name]
    return spawnSync(TSX, ['scripts/deploy/main.ts', '--settings', path.join(dir, 'none.env'), '--build-dir', path.join(dir, 'build'), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 90_000 })
  }

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'deploy-cli-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('--dry-run needs no credentials and prints the whole plan', () => {
    const result = run(['--dry-run'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const out = result.stdout
    expect(out).toContain('Plan against an empty environment (dry run without TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY')
    for (const [collection, specs] of Object.entries(SCHEMA)) {
      expect(out).toContain(`create collection ${collection}\n`)
      expect(out).toContain(`set rule of ${collection} to ADMINONLY`)
      for (const spec of specs) {
        const line = out.split('\n').find((l) => l.includes(`create index ${collection}.`) && l.endsWith(` on ${spec.fields.join(' + ')}${spec.unique ? '  [UNIQUE]' : spec.geo ? '  [GEO (2dsphere)]' : ''}`))
        expect(line).toBeDefined()
      }
    }
    expect(out).toContain(`read:  ${String(STORAGE_RULE.read)}`)
    for (const name of Object.keys(functions)) {
      const { timeoutSeconds, memoryMB } = functionSettings(name)
      expect(out).toContain(`create function ${name}: Nodejs16.13, timeout ${timeoutSeconds} s, memory ${memoryMB} MB`)
    }
    expect(out).toContain('variables (names only): none; not given here: DATA_KEY, HASH_KEY, TOKEN_KEY, CARD_KEY, CARD_KEY_PREVIOUS, SUBSCRIBE_TEMPLATES, MINIPROGRAM_STATE')
    expect(out).toContain('create timer benefits.remindExpiring: "0 0 9 * * * *"')
    expect(out).toContain('A real deploy would stop here until these are set:')
  }, 90_000)

  it('--dry-run names the variables it was given and never prints their values', () => {
    const values = localVariables()
    const result = run(['--dry-run'], values)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('variables (names only): DATA_KEY, HASH_KEY, TOKEN_KEY, CARD_KEY, CARD_KEY_PREVIOUS, SUBSCRIBE_TEMPLATES, MINIPROGRAM_STATE\n')
    for (const value of [values.DATA_KEY, values.HASH_KEY, values.TOKEN_KEY, values.CARD_KEY, values.CARD_KEY_PREVIOUS]) expect(result.stdout + result.stderr).not.toContain(value)
    expect(result.stdout).not.toContain('A real deploy would stop')
  }, 90_000)

  it('--dry-run --json prints the plan as data', () => {
    const result = run(['--dry-run', '--json'])
    expect(result.status).toBe(0)
    const plan = JSON.parse(result.stdout) as Plan
    expect(plan.steps.filter((s) => s.kind === 'createCollection')).toHaveLength(Object.keys(SCHEMA).length)
  }, 90_000)

  it('without --dry-run, stops before building or changing anything when credentials or keys are missing', () => {
    const values = localVariables()
    const noKeys = run([], { TCB_ENV_ID: 'env-1', TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' })
    expect(noKeys.status).toBe(1)
    expect(noKeys.stderr).toContain("The functions' variables are not ready; nothing was changed:")
    expect(noKeys.stderr).toContain('DATA_KEY is not set: 32 random bytes in base64 (openssl rand -base64 32)')

    const noCredentials = run([], values)
    expect(noCredentials.status).toBe(1)
    expect(noCredentials.stderr).toContain('Missing TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY; nothing was changed.')
    expect(noCredentials.stdout).toBe('')
  }, 90_000)

  it('refuses an unknown option', () => {
    const result = run(['--force'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('unknown option --force')
  }, 90_000)
})

describe('the deploy settings', () => {
  it('reads a local KEY=VALUE file, the environment winning', () => {
    expect(parseEnvFile('# keys\nDATA_KEY="abc"\n\nexport TCB_ENV_ID=env-1\nSUBSCRIBE_TEMPLATES={"a":{"id":"x=y"}}\n')).toEqual({ DATA_KEY: 'abc', TCB_ENV_ID: 'env-1', SUBSCRIBE_TEMPLATES: '{"a":{"id":"x=y"}}' })
    expect(() => parseEnvFile('DATA_KEY\n')).toThrow(/line 1: expected NAME=value/)
    const dir = mkdtempSync(path.join(tmpdir(), 'deploy-env-'))
    try {
      writeFileSync(path.join(dir, '.deploy.env'), 'TCB_ENV_ID=from-file\nTOKEN_KEY=file\n')
      expect(readSettings({ TCB_ENV_ID: 'from-env' }, path.join(dir, '.deploy.env'))).toMatchObject({ TCB_ENV_ID: 'from-env', TOKEN_KEY: 'file' })
      expect(readSettings({}, path.join(dir, 'missing.env'))).toEqual({})
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('checks the variables by name, never quoting a value', () => {
    const good = localVariables()
    expect(checkFunctionVariables(good, true)).toEqual([])
    expect(checkFunctionVariables({}, false)).toEqual([])
    const bad = { DATA_KEY: 'c2hvcnQ=', HASH_KEY: good.HASH_KEY, SUBSCRIBE_TEMPLATES: '{not json', MINIPROGRAM_STATE: 'prod' }
    const problems = checkFunctionVariables(bad, true)
    expect(problems).toEqual([
      'DATA_KEY must be 32 bytes in base64 (openssl rand -base64 32)',
      'TOKEN_KEY is not set: 32 random bytes in base64 (openssl rand -base64 32)',
      'CARD_KEY is not set: 32 random bytes in base64 (openssl rand -base64 32)',
      'SUBSCRIBE_TEMPLATES is not valid JSON',
      'MINIPROGRAM_STATE must be developer, trial or formal',
    ])
    expect(problems.join('\n')).not.toContain('c2hvcnQ=')
  })
})
