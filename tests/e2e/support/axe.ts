import axe from 'axe-core'
import type { Page } from 'playwright-core'

/**
 * Known false positives of Taro's web DOM, each limited to one rule on one kind of element (matched on
 * its opening tag), with why.
 * Anything else axe calls serious or critical fails the test: fix it in the app.
 */
const FALSE_POSITIVES: ReadonlyArray<{ rule: string; element: RegExp; why: string }> = [
  {
    rule: 'scrollable-region-focusable',
    element: /^<div id="[^"]*" class="taro_page[ "]/,
    why:
      "Taro's web router makes each page's own <div class=taro_page> (id = the route) the scroller, not the " +
      'document. It is not ours to give a tabindex, and Chromium (130+) already lets the keyboard scroll a ' +
      'scroller with nothing focusable in it. Our own scrollers (ScrollView) are not excused.',
  },
]

interface Finding {
  id: string
  impact?: string | null
  help: string
  helpUrl: string
  nodes: Array<{ target: unknown[]; failureSummary?: string; html: string }>
}

/** The page's serious and critical axe-core violations (the 适老化 bar of #13), as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source)
  const found = (await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run
    const result = await run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html.slice(0, 200) })) }))
  })) as Finding[]
  const lines: string[] = []
  for (const v of found) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue
    const nodes = v.nodes.filter((n) => !FALSE_POSITIVES.some((f) => f.rule === v.id && f.element.test(n.html)))
    if (nodes.length === 0) continue
    lines.push(`[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`)
    for (const n of nodes) lines.push(`    at ${n.target.join(' ')}\n      ${n.html}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
  }
  return lines
}

/** Fails with every serious or critical violation on the page, printed one by one. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const lines = await seriousViolations(page)
  if (lines.length > 0) throw new Error(`axe-core: ${where} (${page.url()}) has serious or critical violations:\n${lines.join('\n')}`)
}
