import fs from 'node:fs'
import path from 'node:path'

/**
 * Every page path the code sends somewhere — notification links, subscribe-message pages, 小程序码
 * pages, navigation — must be a page the app declares: WeChat refuses a subscribe message to an
 * unknown page (errCode 41030) and a link to one opens nothing. This reads every such literal in
 * src/ and cloud/ and checks it against src/app.config.ts.
 */
const ROOT = path.resolve(__dirname, '../..')

function declaredPages(env: 'weapp' | 'h5'): Set<string> {
  const previous = process.env.TARO_ENV
  process.env.TARO_ENV = env
  ;(globalThis as { defineAppConfig?: unknown }).defineAppConfig = (config: unknown) => config
  try {
    const file = path.join(ROOT, 'src/app.config.ts')
    let config: { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> } = { pages: [], subPackages: [] }
    // A fresh copy for each environment: the file reads TARO_ENV when it is loaded.
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      config = require(file).default
    })
    return new Set([...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))])
  } finally {
    process.env.TARO_ENV = previous
  }
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.config.ts') ? [full] : []
  })
}

/** A quoted (or template) literal that starts with a page path: `/features/x/pages/y/index`, `pages/me/index?…`. */
const PAGE_LITERAL = /['"`]\/?((?:pages|features\/[a-z-]+\/pages)\/[a-z-]+\/index)(?=['"`?$])/g

function usedPages(): Map<string, string[]> {
  const used = new Map<string, string[]>()
  for (const file of [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'cloud'))]) {
    const text = fs.readFileSync(file, 'utf8')
    for (const match of text.matchAll(PAGE_LITERAL)) {
      const where = used.get(match[1]) ?? []
      where.push(path.relative(ROOT, file))
      used.set(match[1], where)
    }
  }
  return used
}

describe('page paths', () => {
  const used = usedPages()

  it('finds the paths the code sends (the scan itself works)', () => {
    expect(used.get('features/aid/pages/index/index')).toEqual(expect.arrayContaining(['cloud/features/aid/submit.ts']))
    expect(used.get('features/join/pages/entry/index')).toEqual(expect.arrayContaining(['cloud/features/join/poster.ts']))
    expect(used.size).toBeGreaterThan(15)
  })

  it('every one is a page of the WeChat build', () => {
    const pages = declaredPages('weapp')
    const missing = [...used].filter(([page]) => !pages.has(page) && page !== 'pages/login/index')
    expect(missing).toEqual([])
  })

  it('the web-only login page is declared in the web build', () => {
    expect(declaredPages('h5').has('pages/login/index')).toBe(true)
  })

  it('would catch the link every 金秋助学 message used to send', () => {
    expect(declaredPages('weapp').has('features/aid/pages/status/index')).toBe(false)
  })
})
