import { internalComponents } from '@tarojs/shared'
import table from './weapp-components.json'

/**
 * The same change to Taro's component list at run time as config/aria-plugin.js made to base.wxml at
 * build: the runtime turns each prop into the template's p0, p1, … by its place in this list, so
 * without it `ariaLabel` would not reach the template and a shifted list would scramble every prop.
 * Runs once, before the first page renders (Taro reads the list on the first render).
 */
export function matchBaseTemplate(): void {
  const components = internalComponents as Record<string, Record<string, string>>
  for (const [name, attributes] of Object.entries(table.added)) Object.assign(components[name], attributes)
  for (const [name, attributes] of Object.entries(table.dropped)) for (const attribute of attributes) delete components[name][attribute]
}
