import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { configFromEnv, startupCheck } from '../../server/config'
import { lockDownDataDir } from '../../server/data-dir'
import { createNedbStore } from '../../cloud/lib/store/nedb'

/** #14 item 2: the demo stays on this machine unless the operator says otherwise; data files are 0600. */
const ROOT = path.resolve(__dirname, '../..')

describe('production settings', () => {
  it('listens on 127.0.0.1 unless HOST says otherwise; demo mode only with --demo', () => {
    const plain = configFromEnv({ DEV_CLOCK: '1', ALLOW_BENCH_PEOPLE: '1' }, ['node', 'main.ts'])
    expect(plain).toMatchObject({ host: '127.0.0.1', demo: false, devClock: false, allowBenchPeople: false })
    expect(configFromEnv({ DEV_CLOCK: '1' }, ['node', 'main.ts', '--demo'])).toMatchObject({ host: '127.0.0.1', demo: true, devClock: true })
    expect(configFromEnv({ HOST: '0.0.0.0' }, [])).toMatchObject({ host: '0.0.0.0' })
  })

  it.each([
    ['the demo on this machine', { HOST: '127.0.0.1' }, true, null, 1],
    ['the demo beyond this machine', { HOST: '0.0.0.0' }, true, 'ALLOW_PUBLIC_DEMO=1', 0],
    ['the demo under NODE_ENV=production', { NODE_ENV: 'production' }, true, 'ALLOW_PUBLIC_DEMO=1', 0],
    ['the demo beyond this machine, said explicitly', { HOST: '0.0.0.0', ALLOW_PUBLIC_DEMO: '1' }, true, null, 2],
    ['no demo beyond this machine', { HOST: '0.0.0.0', NODE_ENV: 'production' }, false, null, 0],
    ['a web map tile source that does not hold (no attribution)', { MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png' }, false, '地图瓦片设置有误：请用 MAP_TILE_ATTRIBUTION', 0],
    ['a web map tile source that holds', { MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© 示例' }, false, null, 0],
  ] as const)('%s', (_label, env, demo, refusal, warningCount) => {
    const check = startupCheck(configFromEnv(env, demo ? ['--demo'] : []))
    if (refusal) expect(check.refuse).toContain(refusal)
    else expect(check.refuse).toBeNull()
    expect(check.warnings).toHaveLength(warningCount)
  })

  it('the real entry refuses to serve the demo login on every interface, before touching anything', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'startup-')), 'data')
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts'), '--demo'], {
      cwd: ROOT,
      env: { ...process.env, HOST: '0.0.0.0', PORT: '0', DATA_DIR: dataDir, ALLOW_PUBLIC_DEMO: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGTERM'), 20_000)
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    clearTimeout(timer)
    expect(code).toBe(1)
    expect(output).toContain('拒绝启动')
    expect(output).not.toContain('已启动')
    expect(fs.existsSync(dataDir)).toBe(false)
  })

  it('keeps the data folder readable by its owner only, also files the store writes later', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-'))
    fs.writeFileSync(path.join(dir, 'people.db'), '', { mode: 0o644 })
    fs.mkdirSync(path.join(dir, 'uploads'), { mode: 0o755 })
    fs.writeFileSync(path.join(dir, 'uploads', 'abc'), 'x', { mode: 0o644 })
    const umask = process.umask()
    try {
      lockDownDataDir(dir)
      const store = createNedbStore(dir)
      await store.collection<{ _id: string }>('people').insert({ _id: 'p1' })
      await store.collection<{ _id: string }>('unions').insert({ _id: 'u1' })
      await store.close()
      fs.writeFileSync(path.join(dir, 'uploads', 'later'), 'y')
      const modes = Object.fromEntries(
        ['', 'people.db', 'unions.db', 'uploads', 'uploads/abc', 'uploads/later'].map((name) => [name || '.', (fs.statSync(path.join(dir, name)).mode & 0o777).toString(8)]),
      )
      expect(modes).toEqual({ '.': '700', 'people.db': '600', 'unions.db': '600', uploads: '700', 'uploads/abc': '600', 'uploads/later': '600' })
    } finally {
      process.umask(umask)
    }
  })
})
