import type { FigureTable } from '@domain/staff/figures'

/**
 * Which figures are drawn as well as written (#17: "charts where a person would rather look than
 * read"): comparisons across the unions below, or across statuses. Each names the table's columns
 * it draws and says in words what the chart shows (the canvas's name for a screen reader; the
 * table under it stays the accessible form). Pure: the chart library is loaded only where it draws.
 */
const CHARTED: Record<string, { columns: number[]; what: string }> = {
  members: { columns: [0], what: '各工会入会人数' },
  joinDecisions: { columns: [0, 1], what: '各工会入会申请通过与不通过的件数' },
  transferDecisions: { columns: [0, 1], what: '各工会转入申请通过与不通过的件数' },
  coupons: { columns: [0, 1], what: '各工会普惠券领取与核销的张数' },
  aidByStatus: { columns: [0], what: '金秋助学各状态的申请件数' },
}

/** The app's palette, each ≥ 3:1 against white (a bar is a graphic, WCAG 1.4.11): red 5.9, blue 6.4, green 6.0, brown 5.2. */
export const CHART_COLOURS = ['#c8161d', '#1a5fb4', '#237804', '#ad4e00'] as const

export interface ChartPoint {
  label: string
  series: string
  value: number
}

export interface ChartSpec {
  key: string
  /** What the chart shows, in words: the canvas's accessible name. */
  label: string
  series: string[]
  /** One point per row and series, in the table's order (the total row left out: it would dwarf the rest). */
  points: ChartPoint[]
  /** How many bars' rows the chart has (its height grows with them). */
  rows: number
}

/** The chart of a figure, or null for one not drawn or with nothing to draw (all zero). */
export function chartOf(table: FigureTable): ChartSpec | null {
  const chart = CHARTED[table.key]
  if (!chart) return null
  const series = chart.columns.map((i) => table.columns[i])
  const rows = table.rows.filter((r) => r.label !== '合计')
  const points = rows.flatMap((r) => chart.columns.map((i, s) => ({ label: r.label, series: series[s], value: typeof r.values[i] === 'number' ? (r.values[i] as number) : 0 })))
  if (!points.some((p) => p.value > 0)) return null
  return { key: table.key, label: `柱状图：${table.title}，${chart.what}。具体数字见下表。`, series, points, rows: rows.length }
}

/** A bar's label on the axis: long union names cut short (the table beside it has them whole). */
export function axisLabel(label: string, max = 7): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label
}

/** The chart's height in CSS px: room for a legend, the value axis and a band per row. */
export function chartHeight(spec: ChartSpec): number {
  const band = spec.series.length > 1 ? 40 : 28
  return Math.max(140, 64 + spec.rows * band)
}

/**
 * The value axis for counts: a whole step (1, 2, 5, 10, 20, 50, …) giving at most four intervals, and
 * the axis's end on a step, so a month with one join reads 0 and 1, never 0.4 and 0.8.
 */
export function countAxis(spec: ChartSpec): { max: number; tickInterval: number } {
  const top = Math.max(1, ...spec.points.map((p) => p.value))
  let step = 1
  for (let base = 1; top / step > 4; base *= 10) step = [1, 2, 5].map((m) => m * base).find((s) => top / s <= 4) ?? base * 10
  return { max: Math.ceil(top / step) * step, tickInterval: step }
}
