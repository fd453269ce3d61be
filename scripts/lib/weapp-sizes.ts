import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * Package sizes of a weapp build (dist/weapp), counted the way WeChat counts them: only the file
 * types WeChat uploads (miniprogram-ci's MiniProgramWhiteList: no .txt licence files, no source
 * maps), node_modules and VCS folders left out; a file belongs to the subpackage whose root
 * contains it, otherwise to the main package. For a Taro build this matches the "__APP__" figure of
 * miniprogram-ci's checkCodeQuality to the byte.
 */
export interface WeappSizes {
  mainBytes: number
  totalBytes: number
  /** Bytes per subpackage, keyed by its root as app.json writes it without a trailing slash. */
  subpackages: Record<string, number>
}

/**
 * Our budgets. WeChat allows 2 MB for the main package; ours holds only 首页 and 我的 and what they
 * need (Taro, React, a few NutUI parts), at most 400 KB so the first start downloads little on
 * mobile data (#19 item 8): what only subpackages use belongs in them (config/index.ts).
 */
export const WEAPP_BUDGET = {
  mainBytes: 400 * 1024,
  subpackageBytes: 2 * 1024 * 1024,
  totalBytes: 20 * 1024 * 1024,
} as const

const UPLOADED_EXTENSIONS = new Set([
  '.wxml', '.wxss', '.wxs', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.js', '.json', '.cer', '.mp3', '.aac', '.m4a',
  '.mp4', '.wav', '.ogg', '.silk', '.wasm', '.br', '.cur', '.ico', '.skel', '.crt', '.cert',
])
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.svn'])

/** Subpackage roots from app.json ("subPackages" or the older "subpackages"), without a trailing slash. */
export function subpackageRoots(dir: string): string[] {
  const app = JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/^\.\//, '').replace(/\/+$/, ''))
}

/** The package a file (a '/'-separated path relative to the build) belongs to: a subpackage root, or null for main. */
export function packageOf(file: string, roots: readonly string[]): string | null {
  return roots.find((root) => file === root || file.startsWith(root + '/')) ?? null
}

/** Sums (path, bytes) pairs into package sizes. */
export function sumSizes(files: Iterable<[string, number]>, roots: readonly string[]): WeappSizes {
  const sizes: WeappSizes = { mainBytes: 0, totalBytes: 0, subpackages: Object.fromEntries(roots.map((root) => [root, 0])) }
  for (const [file, bytes] of files) {
    const root = packageOf(file, roots)
    if (root === null) sizes.mainBytes += bytes
    else sizes.subpackages[root] += bytes
    sizes.totalBytes += bytes
  }
  return sizes
}

function* uploadedFiles(dir: string, prefix = ''): Generator<[string, number]> {
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* uploadedFiles(dir, rel)
    } else if (entry.isFile() && UPLOADED_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      yield [rel, statSync(path.join(dir, rel)).size]
    }
  }
}

/** The main package's files, largest first, as (path, bytes). */
export function mainPackageFiles(dir: string): Array<[string, number]> {
  const roots = subpackageRoots(dir)
  return [...uploadedFiles(dir)].filter(([file]) => packageOf(file, roots) === null).sort((a, b) => b[1] - a[1])
}

export function weappSizes(dir: string): WeappSizes {
  return sumSizes(uploadedFiles(dir), subpackageRoots(dir))
}
