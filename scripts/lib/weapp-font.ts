import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Does every page of a weapp build follow the person's WeChat font size (#13)? Each page's WXML
 * must open with a page-meta whose root-font-size is bound (Taro writes it only for a page whose
 * config says `enablePageMeta: true`), and no style may be in rpx, which ignores the root font.
 * Returns what is wrong, one line each; empty when all is well.
 */
export function fontFollowProblems(dir: string): string[] {
  const app = JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> }
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/+$/, '')}/${page}`))]
  const problems: string[] = []
  for (const page of pages) {
    const wxml = readFileSync(path.join(dir, `${page}.wxml`), 'utf8')
    if (!/<page-meta\b[^>]*\broot-font-size="\{\{pageMeta\./.test(wxml)) problems.push(`${page}: no page-meta root-font-size (add enablePageMeta: true to its index.config.ts)`)
  }
  for (const file of wxssFiles(dir)) {
    const hits = readFileSync(file, 'utf8').match(/[\d.]+rpx/g)
    if (hits) problems.push(`${path.relative(dir, file)}: ${hits.length} sizes in rpx (e.g. ${hits[0]}), which ignore the font size`)
  }
  return problems
}

function wxssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.wxss'))
    .map((entry) => path.join(entry.parentPath, entry.name))
}
