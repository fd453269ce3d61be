import { useEffect } from 'react'
import { Canvas } from '@tarojs/components'
import { namedImage } from '@/platform/a11y'
import { canvas2d } from '@/platform/canvas'
import { chartHeight, type ChartSpec } from '../charts'
import { drawBarChart } from '../barChart'

/**
 * One figure's bar chart on a 2d canvas, in both builds (WeChat's canvas 2d node, the web's
 * <canvas>), drawn by F2 once the canvas is laid out and again when the figures change. It is an
 * image with a name that says what it shows; its numbers are in the table under it.
 */
export function FigureChart({ spec }: { spec: ChartSpec }) {
  const id = `chart-${spec.key}`
  useEffect(() => {
    let gone = false
    let undo: (() => void) | null = null
    void canvas2d(id).then(async (surface) => {
      if (!surface || gone) return
      try {
        undo = await drawBarChart(spec, surface)
        if (gone) undo()
      } catch {
        // A chart that cannot be drawn is left blank: the table under it has every number.
      }
    })
    return () => {
      gone = true
      undo?.()
    }
  }, [id, spec])
  return <Canvas type='2d' id={id} className='staff__chart' style={{ height: `${chartHeight(spec)}px` }} data-testid={id} {...namedImage(spec.label)} />
}
