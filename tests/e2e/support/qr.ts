import type { Locator } from 'playwright-core'
import { create } from 'qrcode/lib/core/qrcode'

/** The dark modules of a QR drawn by QrCode.tsx, read back from its views: a row of 0/1 per line. */
export async function drawnQr(code: Locator): Promise<string[]> {
  return code.evaluate((root) => {
    const size = root.getBoundingClientRect().width
    const rows = Array.from(root.children) as HTMLElement[]
    const unit = size / rows.length
    return rows.map((row) =>
      (Array.from(row.children) as HTMLElement[])
        .map((run) => (getComputedStyle(run).backgroundColor === 'rgb(0, 0, 0)' ? '1' : '0').repeat(Math.round(run.getBoundingClientRect().width / unit)))
        .join(''),
    )
  })
}

/** The same rows for a text, as the qrcode library encodes it (with the 2-module quiet zone QrCode.tsx draws). */
export function qrOf(text: string): string[] {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const quiet = 2
  const n = modules.size + quiet * 2
  const rows: string[] = []
  for (let r = 0; r < n; r++) {
    let row = ''
    for (let c = 0; c < n; c++) {
      const inside = r >= quiet && c >= quiet && r < n - quiet && c < n - quiet
      row += inside && modules.data[(r - quiet) * modules.size + (c - quiet)] === 1 ? '1' : '0'
    }
    rows.push(row)
  }
  return rows
}
