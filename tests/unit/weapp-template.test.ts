import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ESLint } from 'eslint'
import { runtimeAliases, templateAliasProblems } from '../../scripts/lib/weapp-template'

describe('templateAliasProblems (run on every weapp build by tests/weapp/compile.ts)', () => {
  const aliases = runtimeAliases()
  const image = aliases.image
  const view = aliases.view
  let dir: string
  const write = (wxml: string) => writeFileSync(path.join(dir, 'base.wxml'), wxml)
  const slot = (alias: Record<string, string>, prop: string) => `{{i.${alias[prop]}}}`
  // Every component the app names, each with all its aria-* attributes where the runtime sends them.
  const agreeing = () =>
    [
      `<template name="tmpl_0_${view._num}"><view aria-role="${slot(view, 'ariaRole')}" aria-label="${slot(view, 'ariaLabel')}" aria-hidden="${slot(view, 'ariaHidden')}" aria-checked="${slot(view, 'ariaChecked')}" style="{{i.st}}"></view></template>`,
      `<template name="tmpl_0_${aliases.text._num}"><text aria-role="${slot(aliases.text, 'ariaRole')}" aria-label="${slot(aliases.text, 'ariaLabel')}" aria-hidden="${slot(aliases.text, 'ariaHidden')}" aria-checked="${slot(aliases.text, 'ariaChecked')}"></text></template>`,
      `<template name="tmpl_0_${image._num}"><image src="${slot(image, 'src')}" aria-role="${slot(image, 'ariaRole')}" aria-label="${slot(image, 'ariaLabel')}" aria-hidden="${slot(image, 'ariaHidden')}"></image></template>`,
      `<template name="tmpl_0_${aliases.button._num}"><button aria-label="${slot(aliases.button, 'ariaLabel')}"></button></template>`,
      `<template name="tmpl_0_${aliases.input._num}_focus"><input aria-label="${slot(aliases.input, 'ariaLabel')}"/></template>`,
      `<template name="tmpl_0_${aliases.canvas._num}"><canvas aria-role="${slot(aliases.canvas, 'ariaRole')}" aria-label="${slot(aliases.canvas, 'ariaLabel')}"></canvas></template>`,
    ].join('\n')

  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'weapp-template-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('the runtime sends the aria-* props the app sets and no longer a View\'s hover-*', () => {
    expect(Object.keys(view)).toEqual(expect.arrayContaining(['ariaRole', 'ariaLabel', 'ariaHidden', 'ariaChecked']))
    expect(view.hoverClass).toBeUndefined()
  })

  it('passes a template that reads every prop where the runtime sends it', () => {
    write(agreeing())
    expect(templateAliasProblems(dir, aliases)).toEqual([])
  })

  it('finds an image whose src is read from the wrong place (a shifted list)', () => {
    write(agreeing().replace(`src="${slot(image, 'src')}"`, `src="{{i.p${Number(image.src.slice(1)) - 2}}}"`))
    expect(templateAliasProblems(dir, aliases)).toEqual([expect.stringMatching(/^image: base.wxml reads src from p\d+, the runtime sends it as p\d+$/)])
  })

  it('finds a hover-class that the runtime no longer sends, and an aria-label that is not written', () => {
    write(agreeing().replace('<view ', '<view hover-class="{{i.p9||\'none\'}}" ').replace(/ aria-label="[^"]*"(?=[^>]*><\/button>)/, ''))
    expect(templateAliasProblems(dir, aliases).sort()).toEqual(['button: base.wxml does not write aria-label, so a screen reader never gets it', 'view: base.wxml reads hover-class from p9, the runtime sends it as nothing'])
  })

  it('has eslint refuse a hover* prop, which the WeChat build no longer writes for a View', async () => {
    const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') })
    const lint = async (code: string) => (await eslint.lintText(code, { filePath: 'src/components/HoverProbe.tsx' }))[0].messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message)
    expect(await lint("import { View } from '@tarojs/components'\n\nexport const Probe = () => <View hoverClass='pressed' />\n")).toEqual([expect.stringContaining('No hover* props')])
    expect(await lint("import { View } from '@tarojs/components'\n\nexport const Probe = () => <View className='pressed' />\n")).toEqual([])
  }, 30_000)
})
