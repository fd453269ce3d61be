import fs from 'node:fs'
import path from 'node:path'
import { SHAREABLE_PAGES, shareJoin, shareNotice, shareOffer, shareStation } from '@domain/share'
import { SERVICES } from '@/pages/home/services'

/**
 * Sharing (转发) is on for the public pages of domain/share.ts and for no other page: a page with
 * personal data (member card, coupons, applications, 我的) must never offer it. A page turns it on
 * with `enableShareAppMessage` in its config (and useShare in the page), so the configs are the truth.
 */
const ROOT = path.resolve(__dirname, '../..')
const SRC = path.join(ROOT, 'src')

interface AppConfig {
  pages: string[]
  subPackages: Array<{ root: string; pages: string[] }>
  preloadRule?: Record<string, { network?: string; packages: string[] }>
}

function appConfig(): AppConfig {
  ;(globalThis as { defineAppConfig?: unknown }).defineAppConfig = (config: unknown) => config
  let config: AppConfig = { pages: [], subPackages: [] }
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    config = require(path.join(SRC, 'app.config.ts')).default
  })
  return config
}

const config = appConfig()
const allPages = [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
const read = (page: string, file: string) => {
  const full = path.join(SRC, page.replace(/\/index$/, ''), file)
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : ''
}

describe('sharing', () => {
  it('exactly the public pages turn 转发 on, and they use the share hook', () => {
    const sharing = allPages.filter((page) => /enableShareAppMessage:\s*true/.test(read(page, 'index.config.ts'))).sort()
    expect(sharing).toEqual(Object.values(SHAREABLE_PAGES).sort())
    for (const page of allPages) {
      const usesHook = /\buseShare(AppMessage)?\(/.test(read(page, 'index.tsx'))
      expect([page, usesHook]).toEqual([page, sharing.includes(page)])
    }
  })

  it('never a page of personal data', () => {
    for (const page of ['pages/me/index', 'features/join/pages/card/index', 'features/benefits/pages/coupons/index', 'features/benefits/pages/coupon/index', 'features/aid/pages/index/index', 'features/aid/pages/apply/index', 'features/transfer/pages/status/index']) {
      expect(Object.values(SHAREABLE_PAGES)).not.toContain(page)
    }
  })

  it('a share opens a declared page with a public id only', () => {
    const payloads = [shareStation('NM000009', '示例驿站'), shareOffer('offer-1', '理发八折', '示例理发店'), shareJoin('hhht-xc-kd', '示例速递（演示）有限公司工会'), shareNotice()]
    for (const { title, path: sharePath } of payloads) {
      expect(title.length).toBeGreaterThan(0)
      const url = new URL(`https://x${sharePath}`)
      expect(allPages).toContain(url.pathname.slice(1))
      expect([...url.searchParams.keys()].every((key) => ['code', 'id', 'union'].includes(key))).toBe(true)
    }
    expect(shareJoin('hhht-xc-kd', '工会').path).toBe('/features/join/pages/entry/index?union=hhht-xc-kd')
  })
})

describe('preloadRule', () => {
  it('首页 preloads the subpackage of one of its service tiles, which exists', () => {
    const rule = config.preloadRule?.['pages/home/index']
    expect(rule?.packages).toEqual(['features/stations'])
    const roots = config.subPackages.map((p) => p.root)
    for (const pkg of rule?.packages ?? []) {
      expect(roots).toContain(pkg)
      expect(SERVICES.some((s) => s.path?.startsWith(`/${pkg}/`))).toBe(true)
    }
    for (const page of Object.keys(config.preloadRule ?? {})) expect(allPages).toContain(page)
  })
})
