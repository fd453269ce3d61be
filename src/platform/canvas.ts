/** A 2d canvas ready to draw on: its context, its size in CSS px and the screen's pixel ratio. */
export interface Surface {
  context: CanvasRenderingContext2D
  width: number
  height: number
  pixelRatio: number
}

const FRAME_MS = 16
/** Taro's web <Canvas> is a custom element that draws its inner <canvas> a frame or two after React. */
const TRIES = 30

/**
 * The web build: the <canvas> inside Taro's <Canvas id={id}>, once it is laid out. `null` where there
 * is nothing to draw on (not rendered, no size, or no 2d context, as in jsdom): the caller shows no
 * chart, and the table beside it stays. The chart library sizes the canvas for the pixel ratio itself.
 */
export async function canvas2d(id: string): Promise<Surface | null> {
  for (let i = 0; i < TRIES; i += 1) {
    const host = document.getElementById(id)
    const canvas = host instanceof HTMLCanvasElement ? host : host?.querySelector('canvas')
    const box = canvas?.getBoundingClientRect()
    if (canvas && box && box.width > 0 && box.height > 0) {
      const context = canvas.getContext('2d')
      return context ? { context, width: Math.round(box.width), height: Math.round(box.height), pixelRatio: window.devicePixelRatio || 1 } : null
    }
    if (!host) return null
    await new Promise((resolve) => setTimeout(resolve, FRAME_MS))
  }
  return null
}
