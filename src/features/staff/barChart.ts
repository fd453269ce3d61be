import { Axis, Canvas, Chart, Interval, Legend, jsx, type CanvasProps } from '@antv/f2'
import type { Surface } from '@/platform/canvas'
import { axisLabel, CHART_COLOURS, countAxis, type ChartSpec } from './charts'

/** F2's `jsx`, whose type for its first argument does not admit F2's own chart classes under strict function types. */
const el = jsx as unknown as (type: unknown, props: Record<string, unknown>) => { props: Record<string, unknown> }

/**
 * A figure's bar chart described with F2's own JSX factory (`jsx(Component, props)`), in a plain .ts
 * file so that F2's JSX and React's never meet in one module. Horizontal bars: union names read
 * across, as in the table. Imported only by the staff subpackage (an eslint rule keeps F2 out of
 * the main package).
 */
export function barChartProps(spec: ChartSpec, surface: Surface): CanvasProps {
  const grouped = spec.series.length > 1
  // F2 sizes in 750-wide design px by default, from the page's root font; ours are CSS px, halved as pxtransform does.
  const px2hd = (px: number) => px / 2
  return el(Canvas, {
    context: surface.context,
    width: surface.width,
    height: surface.height,
    pixelRatio: surface.pixelRatio,
    px2hd,
    animate: false,
    // One family: WeChat's canvas on some phones fails on a list of fonts.
    theme: { fontFamily: 'sans-serif', fontSize: '24px' },
    children: el(Chart, {
      data: spec.points,
      coord: { transposed: true },
      scale: { value: { min: 0, nice: false, ...countAxis(spec) }, label: { type: 'cat', values: [...new Set(spec.points.map((p) => p.label))].reverse() } },
      children: [
        el(Axis, { field: 'label', style: { label: (text: string) => ({ text: axisLabel(text), fill: '#333', fontSize: '22px' }) } }),
        el(Axis, { field: 'value', style: { label: { fill: '#595959', fontSize: '20px' } } }),
        el(Interval, {
          x: 'label',
          y: 'value',
          color: { field: 'series', range: CHART_COLOURS.slice(0, spec.series.length) },
          ...(grouped ? { adjust: { type: 'dodge', marginRatio: 0.1 } } : {}),
        }),
        grouped ? el(Legend, { position: 'top', style: { justifyContent: 'flex-start' } }) : null,
      ],
    }),
  }).props
}

/** Draws the chart on the surface; the answer undoes it (when the page goes or the figures change). */
export async function drawBarChart(spec: ChartSpec, surface: Surface): Promise<() => void> {
  const canvas = new Canvas(barChartProps(spec, surface))
  await canvas.render()
  return () => canvas.destroy()
}
