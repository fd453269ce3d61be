/**
 * Money is stored as integer fen (分) everywhere; yuan appear only when a person reads or types them.
 */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  const yuan = Math.floor(abs / 100)
  const cents = abs % 100
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}¥${grouped}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`
}

/** "5000", "5,000.5" → 500000, 500050; null when it is not an amount of money. */
export function yuanToFen(text: string): number | null {
  const clean = text.replace(/[,，\s¥￥]/g, '')
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null
  const [whole, frac = ''] = clean.split('.')
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'))
}
