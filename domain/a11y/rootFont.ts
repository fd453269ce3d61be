/**
 * The root font size of a WeChat page, so that text (and the layout around it) follows the person's
 * WeChat font size (#13, 适老化).
 *
 * Styles are written in design px (750 wide). The weapp build turns them into rem at 40 design px
 * per rem (pxtransform `targetUnit: 'rem'`, baseFontSize 20 — the same rule as the web build), so a
 * root of 20 px on a 375 px wide phone gives exactly what rpx gave: 88 design px = 2.2 rem = 44 px.
 * The root grows with the screen's width as rpx did, and with WeChat's font scale factor on top.
 */
export const BASE_ROOT_PX = 20
const DESIGN_VIEWPORT_PX = 375

/**
 * Scale factors below 1 are not followed: the layout scales with the text, and tap targets must
 * stay 44 px (MIIT). Above 2 the phone-width layout has no room left for a line of text.
 */
export const SCALE_RANGE = { min: 1, max: 2 } as const

export function rootFontPx(windowWidth: number | undefined, scaleFactor: number | undefined): number {
  const width = typeof windowWidth === 'number' && windowWidth > 0 ? windowWidth : DESIGN_VIEWPORT_PX
  const scale = typeof scaleFactor === 'number' && Number.isFinite(scaleFactor) ? Math.min(SCALE_RANGE.max, Math.max(SCALE_RANGE.min, scaleFactor)) : 1
  return Math.round(((BASE_ROOT_PX * width) / DESIGN_VIEWPORT_PX) * scale * 100) / 100
}
