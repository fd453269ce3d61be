import { readFileSync } from 'node:fs'
import path from 'node:path'
// Taro's WeChat runtime, as the app loads it: importing it adds WeChat's components to Taro's list.
import '@tarojs/plugin-platform-weapp/dist/runtime'
import { getComponentsAlias, internalComponents, toCamelCase } from '@tarojs/shared'
import { matchBaseTemplate } from '../../src/platform/weappComponents.weapp'
import table from '../../src/platform/weapp-components.json'

type Alias = Record<string, Record<string, string>>

/** Taro's names for each component's props (p0, p1, …) as the app's runtime computes them. */
export function runtimeAliases(): Alias {
  matchBaseTemplate()
  return getComponentsAlias(internalComponents as never) as Alias
}

/**
 * Do the WeChat build's base.wxml and the app's runtime agree (config/aria-plugin.js,
 * src/platform/weappComponents.weapp.ts)? Taro's runtime sends each prop of a node under the name
 * p<n>, its place in the component's sorted list, and base.wxml reads it from there; when the two
 * lists differ, a prop lands on the wrong attribute (an image's src on its mode) or on none. Checks
 * every attribute bound to a p<n> in every component template, and that each added aria-* attribute
 * is written for its component. Returns what is wrong, one line each; empty when all is well.
 */
export function templateAliasProblems(dir: string, aliases: Alias = runtimeAliases()): string[] {
  const base = readFileSync(path.join(dir, 'base.wxml'), 'utf8')
  const byNumber = new Map(Object.entries(aliases).map(([name, alias]) => [alias._num, { name, alias }]))
  const problems = new Set<string>()
  const written = new Map<string, Set<string>>()
  for (const [, num, body] of base.matchAll(/<template name="tmpl_\d+_(\d+)(?:_focus|_blur)?">([\s\S]*?)<\/template>/g)) {
    const component = byNumber.get(num)
    if (!component) continue
    const tag = new RegExp(`<${component.name.replace(/^(static|pure|catch|click)-/, '')}\\b[^>]*>`).exec(body)?.[0] ?? ''
    for (const [, attribute, slot] of tag.matchAll(/([\w-]+)="\{\{[^}]*?\bi\.(p\d+)\b[^}]*\}\}"/g)) {
      const expected = component.alias[toCamelCase(attribute)]
      if (expected !== slot) problems.add(`${component.name}: base.wxml reads ${attribute} from ${slot}, the runtime sends it as ${expected ?? 'nothing'}`)
      if (!written.has(component.name)) written.set(component.name, new Set())
      written.get(component.name)!.add(attribute)
    }
  }
  for (const [name, attributes] of Object.entries(table.added)) {
    const dashed = name.toLowerCase()
    for (const attribute of Object.keys(attributes)) if (!written.get(dashed)?.has(attribute)) problems.add(`${dashed}: base.wxml does not write ${attribute}, so a screen reader never gets it`)
  }
  return [...problems]
}
