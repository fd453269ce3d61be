import { parse } from 'acorn'

/**
 * What the oldest phones WeChat still runs on can parse. WeChat's own compile step ("将 JS 代码编译成
 * ES5", project.config.json `setting.es6` + `setting.enhance`) targets `{ chrome: 53, ios: 8 }` and
 * outputs ES5: https://developers.weixin.qq.com/miniprogram/dev/devtools/codecompile.md. A script
 * that is not ES5 after that step (a `?.`, `??`, `const`, an arrow) is a SyntaxError on such a phone,
 * which blanks the whole page, so the check is on syntax, at ecmaVersion 5, as a classic script.
 */
export interface Es5Problem {
  file: string
  /** acorn's message with its line and column, e.g. "Unexpected token (1:232)". */
  message: string
}

export function es5Problem(file: string, code: string): Es5Problem | null {
  try {
    parse(code, { ecmaVersion: 5, sourceType: 'script', allowHashBang: false })
    return null
  } catch (error) {
    return { file, message: error instanceof Error ? error.message : String(error) }
  }
}

/** Every script of `files` (path → text) that does not parse as ES5, in path order. */
export function es5Problems(files: Iterable<[string, string]>): Es5Problem[] {
  const problems: Es5Problem[] = []
  for (const [file, code] of files) {
    if (!file.endsWith('.js')) continue
    const problem = es5Problem(file, code)
    if (problem) problems.push(problem)
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file))
}

/** The compile settings of a WeChat project file that decide whether its scripts reach phones as ES5. */
export interface Es5Setting {
  es6: boolean
  enhance: boolean
}

export function es5SettingOf(projectConfig: unknown): Es5Setting {
  const setting = (projectConfig as { setting?: { es6?: unknown; enhance?: unknown } } | null)?.setting ?? {}
  return { es6: setting.es6 === true, enhance: setting.enhance === true }
}
