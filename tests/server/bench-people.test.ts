import type { AddressInfo } from 'node:net'
import { createApp } from '../../server/app'
import { configFromEnv } from '../../server/config'
import { randomSecrets } from '../../cloud/lib/secrets'
import { collections } from '../../cloud/lib/collections'
import { cloudHarness } from '../helpers/cloud'

/** `bench-<n>` people exist only when the server runs with ALLOW_BENCH_PEOPLE=1 (the bench). */
async function serve(allowBenchPeople: boolean) {
  const harness = await cloudHarness()
  const server = createApp({ store: harness.store, clock: harness.clock, secrets: randomSecrets(), sessionTtlMs: 3600_000, maxBodyBytes: 2048, webRoot: null, allowBenchPeople })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const login = (as: string) => fetch(`${base}/api/dev/login`, { method: 'POST', body: JSON.stringify({ as }) })
  const close = () => new Promise((resolve) => server.close(resolve))
  return { harness, login, close }
}

describe('bench people', () => {
  it('are off unless ALLOW_BENCH_PEOPLE=1', async () => {
    expect(configFromEnv({} as NodeJS.ProcessEnv).allowBenchPeople).toBe(false)
    expect(configFromEnv({ ALLOW_BENCH_PEOPLE: '1' } as unknown as NodeJS.ProcessEnv).allowBenchPeople).toBe(true)
    const { harness, login, close } = await serve(false)
    expect((await login('bench-1')).status).toBe(404)
    expect(await collections(harness.store).people.get('bench-1')).toBeNull()
    await close()
  })

  it('with the flag, bench-<n> signs in and is created once; other names are still refused', async () => {
    const { harness, login, close } = await serve(true)
    expect((await login('bench-7')).status).toBe(200)
    expect((await login('bench-7')).status).toBe(200)
    expect(await collections(harness.store).people.count({ _id: 'bench-7' })).toBe(1)
    expect((await login('bench-x')).status).toBe(404)
    expect((await login('admin')).status).toBe(404)
    await close()
  })
})
