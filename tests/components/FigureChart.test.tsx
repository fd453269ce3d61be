import TestUtils from '@tarojs/test-utils-react'
import type { FigureTable } from '@domain/staff/figures'
import { FigureTableView } from '@/features/staff/components/FigureTableView'
import { chartOf, CHART_COLOURS, countAxis } from '@/features/staff/charts'
import { barChartProps } from '@/features/staff/barChart'
import { byTestId, resetApp, waitFor } from '../setup/app'

const testUtils = new TestUtils()

const members: FigureTable = {
  key: 'members',
  title: '会员增减',
  columns: ['入会', '转入', '转出', '其中农民工入会'],
  bar: 0,
  rows: [
    { label: '新城区总工会', values: [3, 1, 0, 1] },
    { label: '回民区总工会', values: [1, 0, 2, 0] },
    { label: '本级（呼和浩特市总工会）', values: [0, 0, 0, 0] },
    { label: '合计', values: [4, 1, 2, 1] },
  ],
}
const coupons: FigureTable = {
  key: 'coupons',
  title: '普惠券',
  columns: ['领取', '核销', '核销率'],
  bar: 0,
  rows: [
    { label: '新城区总工会', values: [5, 2, '40%'] },
    { label: '回民区总工会', values: [0, 0, '—'] },
    { label: '合计', values: [5, 2, '40%'] },
  ],
}

/**
 * jsdom draws nothing: its canvas has no 2d context and no layout. This records what F2 asks of a
 * context instead (every call and property set), so the test sees the bars F2 fills and their colours.
 */
function recordingContext() {
  const fills: string[] = []
  const texts: string[] = []
  const state: Record<string, unknown> = { fillStyle: '#000', font: '12px sans-serif' }
  const context: Record<string | symbol, unknown> = new Proxy(state, {
    get(target, name) {
      if (name === 'fill') return () => fills.push(String(target.fillStyle))
      if (name === 'fillText') return (text: string) => texts.push(String(text))
      if (name === 'measureText') return (text: string) => ({ width: text.length * 6 })
      // G measures a font's height from pixels: a blank image answers a default.
      if (name === 'getImageData') return (_x: number, _y: number, w: number, h: number) => ({ data: new Uint8ClampedArray(Math.max(1, w * h * 4)) })
      if (name === 'canvas') return undefined
      if (name in target) return target[name as string]
      return () => undefined
    },
    set(target, name, value) {
      target[name as string] = value
      return true
    },
  })
  return { context: context as unknown as CanvasRenderingContext2D, fills, texts }
}

afterEach(() => jest.restoreAllMocks())

describe('the figures’ charts (F2)', () => {
  it('charts the rows below, not the total, one point per row and series, and says so in words', () => {
    const spec = chartOf(coupons)!
    expect(spec.series).toEqual(['领取', '核销'])
    expect(spec.points).toEqual([
      { label: '新城区总工会', series: '领取', value: 5 },
      { label: '新城区总工会', series: '核销', value: 2 },
      { label: '回民区总工会', series: '领取', value: 0 },
      { label: '回民区总工会', series: '核销', value: 0 },
    ])
    expect(spec.label).toBe('柱状图：普惠券，各工会普惠券领取与核销的张数。具体数字见下表。')
    // A figure not drawn, and one with nothing to draw, have no chart.
    expect(chartOf({ ...members, key: 'employment' })).toBeNull()
    expect(chartOf({ ...members, rows: members.rows.map((r) => ({ ...r, values: [0, 0, 0, 0] })) })).toBeNull()
  })

  it('hands F2 exactly those points, two colours of the app’s palette for two series', () => {
    const spec = chartOf(coupons)!
    const props = barChartProps(spec, { ...recordingContext(), width: 300, height: 160, pixelRatio: 2 })
    const chart = props.children as { props: { data: unknown; children: Array<{ props: Record<string, unknown> } | null> } }
    expect(chart.props.data).toEqual(spec.points)
    const interval = chart.props.children.find((c) => c?.props.x === 'label')!
    expect(interval.props.color).toEqual({ field: 'series', range: [CHART_COLOURS[0], CHART_COLOURS[1]] })
    expect(interval.props.adjust).toMatchObject({ type: 'dodge' })
  })

  it('counts on whole steps: 0 and 1 for a single join, at most four intervals for more', () => {
    const spec = chartOf(coupons)!
    const withTop = (top: number) => countAxis({ ...spec, points: [{ label: 'a', series: '领取', value: top }] })
    expect(withTop(1)).toEqual({ max: 1, tickInterval: 1 })
    expect(withTop(5)).toEqual({ max: 6, tickInterval: 2 })
    expect(withTop(17)).toEqual({ max: 20, tickInterval: 5 })
    expect(withTop(380)).toEqual({ max: 400, tickInterval: 100 })
  })

})

describe('a figure on the page', () => {
  beforeEach(resetApp)
  afterEach(() => {
    testUtils.unmout()
    document.body.innerHTML = ''
  })

  it('draws a canvas named for a screen reader above the table, and F2 fills a bar per row in the palette’s red', async () => {
    const { context, fills, texts } = recordingContext()
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as never)
    jest.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 320, height: 160 } as DOMRect)
    await testUtils.mount(() => <FigureTableView table={members} onDownload={() => undefined} />)

    const canvas = byTestId('chart-members')!
    expect(canvas.getAttribute('role')).toBe('img')
    expect(canvas.getAttribute('aria-label')).toBe('柱状图：会员增减，各工会入会人数。具体数字见下表。')
    // The table stays, whole, as the accessible form; the View bars are not drawn beside a chart.
    expect(byTestId('row-members-合计')?.textContent).toContain('4')
    expect(document.querySelector('.staff__bars')).toBeNull()
    // Three rows below (the total is not one): F2 fills three bars in the first colour (a zero one too).
    await waitFor(() => expect(fills.filter((f) => f === CHART_COLOURS[0])).toHaveLength(3))
    // The value axis of counts up to 3: whole numbers, ending at the largest.
    expect(texts.filter((t) => /^\d/.test(t))).toEqual(['0', '1', '2', '3'])
  })

  it('leaves a figure that is not charted with its bars of Views', async () => {
    await testUtils.mount(() => <FigureTableView table={{ ...members, key: 'employment' }} onDownload={() => undefined} />)
    expect(byTestId('chart-employment')).toBeNull()
    expect(document.querySelector('.staff__bars')).not.toBeNull()
  })
})
