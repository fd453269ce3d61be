import { useMemo } from 'react'
import { View } from '@tarojs/components'
import { create } from 'qrcode/lib/core/qrcode'

/**
 * A QR code drawn with views (the same in WeChat and on the web, no canvas): each row is a few
 * runs of dark or light modules, so a 41×41 code is some hundreds of views, not 1,681.
 */
export function QrCode({ text, size = 240 }: { text: string; size?: number }) {
  const rows = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' })
    const quiet = 2
    const n = modules.size + quiet * 2
    const dark = (r: number, c: number) => r >= quiet && c >= quiet && r < n - quiet && c < n - quiet && modules.data[(r - quiet) * modules.size + (c - quiet)] === 1
    const out: Array<Array<{ dark: boolean; length: number }>> = []
    for (let r = 0; r < n; r++) {
      const runs: Array<{ dark: boolean; length: number }> = []
      for (let c = 0; c < n; c++) {
        const d = dark(r, c)
        const last = runs[runs.length - 1]
        if (last && last.dark === d) last.length++
        else runs.push({ dark: d, length: 1 })
      }
      out.push(runs)
    }
    return { n, out }
  }, [text])
  const unit = size / rows.n
  return (
    // data-text: what the code says, for the web, where the checker's page takes the text pasted.
    <View className='join-qr' data-testid='card-qr' data-text={text} style={{ width: `${size}px`, height: `${size}px`, background: '#fff' }}>
      {rows.out.map((runs, r) => (
        <View key={r} style={{ display: 'flex', height: `${unit}px` }}>
          {runs.map((run, i) => (
            <View key={i} style={{ width: `${unit * run.length}px`, height: `${unit}px`, background: run.dark ? '#000' : '#fff' }} />
          ))}
        </View>
      ))}
    </View>
  )
}
