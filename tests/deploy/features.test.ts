import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { FEATURES } from '../../cloud/functions/schema'

const CLOUD = path.resolve(__dirname, '../../cloud')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))
}

/** Features plug in: the functions gather them, and the lib below them knows none. */
describe('cloud features', () => {
  it('lists every feature folder, so its collections are in SCHEMA (and made by the deploy)', () => {
    const folders = readdirSync(path.join(CLOUD, 'features'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
    expect(Object.keys(FEATURES).sort()).toEqual(folders.sort())
  })

  it('keeps cloud/lib free of imports from features and functions', () => {
    const offending = sourceFiles(path.join(CLOUD, 'lib')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
        .map((m) => m[1])
        .filter((spec) => spec.startsWith('.') && /^cloud\/(features|functions)\//.test(path.relative(path.dirname(CLOUD), path.resolve(path.dirname(file), spec))))
        .map((spec) => `${path.relative(CLOUD, file)} -> ${spec}`),
    )
    expect(offending).toEqual([])
  })
})
