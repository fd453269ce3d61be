import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { cardPublicKeys } from '../../cloud/lib/cardKeys'
import { loadOrCreateSecrets, rotateCardKey } from '../../server/secrets'

/** The local home keeps the card key like its other secrets; a rotation keeps one previous key (#15 item 7). */
describe('the local member-card key', () => {
  const dirs: string[] = []
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'card-key-'))
    dirs.push(dir)
    return dir
  }
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

  it('is made once on first start, with no previous key, and read back the same', () => {
    const dir = tempDir()
    const first = loadOrCreateSecrets(dir)
    expect(first.cardKey).toHaveLength(32)
    expect(first.cardKeyPrevious).toBeNull()
    expect(loadOrCreateSecrets(dir).cardKey).toEqual(first.cardKey)
  })

  it('rotates: the current key becomes the previous one; a second rotation drops the first key', () => {
    const dir = tempDir()
    const start = loadOrCreateSecrets(dir)
    rotateCardKey(dir)
    const once = loadOrCreateSecrets(dir)
    expect(once.cardKeyPrevious).toEqual(start.cardKey)
    expect(once.cardKey).not.toEqual(start.cardKey)
    expect(once.tokenKey).toEqual(start.tokenKey)
    rotateCardKey(dir)
    const twice = loadOrCreateSecrets(dir)
    expect(twice.cardKeyPrevious).toEqual(once.cardKey)
    const kids = cardPublicKeys(twice).map((k) => k.kid)
    expect(kids).toHaveLength(2)
    expect(kids).not.toContain(cardPublicKeys(start)[0].kid)
  })

  it('rotates through the script, under DATA_DIR', () => {
    const dir = tempDir()
    const start = loadOrCreateSecrets(dir)
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../scripts/rotate-card-key.ts')], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(loadOrCreateSecrets(dir).cardKeyPrevious).toEqual(start.cardKey)
  })
})
