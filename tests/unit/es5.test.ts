import fs from 'node:fs'
import path from 'node:path'
import { es5Problem, es5Problems, es5SettingOf } from '../../scripts/lib/es5'

/**
 * The old-phone check of `npm run test:weapp` (tests/weapp/compile.ts) parses what WeChat's compiler
 * makes of the build. These cases show the check itself can fail, and the fast guard below keeps the
 * switch that makes WeChat's compiler output ES5 on.
 */
describe('the ES5 check', () => {
  it('refuses the syntax the Taro build leaves in (optional chaining, ??, const, arrows, classes)', () => {
    for (const code of ['a?.b', 'var x = a ?? 1', 'const a = 1', 'var f = () => 1', 'class A {}', 'var s = `t`', 'async function f() {}']) {
      expect(es5Problem('x.js', code)).not.toBeNull()
    }
  })

  it('accepts ES5, and reports the files that fail with acorn’s position', () => {
    expect(es5Problem('ok.js', 'var a = { b: 1 }; function f(x) { return x && x.b }')).toBeNull()
    const problems = es5Problems([
      ['b.js', 'var ok = 1'],
      ['a.js', 'var bad = a?.b'],
      ['style.wxss', 'a{color:red}'],
    ])
    expect(problems).toEqual([{ file: 'a.js', message: expect.stringMatching(/\(1:\d+\)/) }])
  })
})

describe('project.config.json', () => {
  it('turns WeChat’s “compile JS to ES5” on (es6 and enhance), in the root file DevTools opens', () => {
    const config = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../project.config.json'), 'utf8'))
    expect(es5SettingOf(config)).toEqual({ es6: true, enhance: true })
  })

  it('reads a missing switch as off', () => {
    expect(es5SettingOf({ setting: { es6: true } })).toEqual({ es6: true, enhance: false })
    expect(es5SettingOf(null)).toEqual({ es6: false, enhance: false })
  })
})
