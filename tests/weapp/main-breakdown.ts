import { mainPackageFiles } from '../../scripts/lib/weapp-sizes'

/**
 * What each file of the main package is for (#19 item 8), so a change in its size is easy to place.
 * The main package holds 首页 and 我的 only; what subpackages alone need is moved to them by
 * Taro's optimizeMainPackage (config/index.ts). Anything unlisted shows as "unexpected: check it".
 */
const PURPOSES: Array<[RegExp, string]> = [
  [/^taro\.js$/, "Taro's runtime: its DOM for the mini-program, React's host config, the weapp layer"],
  [/^vendors\.js$/, 'React and its reconciler, NutUI Button/Cell and their icons, zustand, dayjs'],
  [/^common\.js$/, 'our shared code: errors, PageShell, the schema-free cloud client, the stores'],
  [/^base\.wxml$/, "Taro's template that renders every page (baseLevel nesting levels)"],
  [/^common\.wxss$/, 'NutUI Button/Cell styles and the shared components\' styles'],
  [/^pages\/(home|me)\/index\.(js|wxss)$/, '首页 / 我的: their own code and styles'],
  [/^pages\/(home|me)\/index\.(json|wxml)$/, '首页 / 我的: page shells'],
  [/^assets\/tabbar\//, 'tab bar icons'],
  [/^runtime\.js$/, "webpack's chunk loader"],
  [/^app\.js$/, "the app's entry (it watches WeChat's privacy requests)"],
  [/^(comp\.(js|json|wxml)|custom-wrapper\.(js|json|wxml)|utils\.wxs)$/, "Taro's recursive component and template helpers"],
  [/^(app\.json|app\.wxss|app-origin\.wxss|project\.config\.json)$/, 'app configuration and global styles'],
]

export function purposeOf(file: string): string {
  return PURPOSES.find(([pattern]) => pattern.test(file))?.[1] ?? 'unexpected in the main package: check it'
}

/** One line per main-package file of at least 1 KB (smaller ones summed), largest first. */
export function mainBreakdown(dir: string): string[] {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  const files = mainPackageFiles(dir)
  const small = files.filter(([, bytes]) => bytes < 1024)
  const lines = files.filter(([, bytes]) => bytes >= 1024).map(([file, bytes]) => `  ${file.padEnd(30)}${kb(bytes).padStart(10)}  ${purposeOf(file)}`)
  const unexpected = small.filter(([file]) => purposeOf(file).startsWith('unexpected'))
  lines.push(`  ${`${small.length} files < 1 KB`.padEnd(30)}${kb(small.reduce((sum, [, bytes]) => sum + bytes, 0)).padStart(10)}  configuration, page shells, helpers`)
  for (const [file, bytes] of unexpected) lines.push(`  ${file.padEnd(30)}${kb(bytes).padStart(10)}  ${purposeOf(file)}`)
  return lines
}
