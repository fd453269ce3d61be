/** Invisible characters (Unicode's format class: zero-width spaces and joiners, bidi marks, BOM). */
const INVISIBLE = /\p{Cf}/gu

/**
 * RFC 4180 field; a leading = + - @ (or tab, CR) is defused so a spreadsheet never runs it as a
 * formula. The check reads the text as a spreadsheet may: NFKC first (fullwidth ＝＋－＠ are = + - @),
 * and invisible characters are dropped from the field, so none can hide what comes first.
 * Every CSV the cloud writes (金秋助学, 台账) goes through it.
 */
export function csvField(value: string | number): string {
  let text = String(value).replace(INVISIBLE, '')
  if (/^\s*[=+\-@\t\r]/.test(text.normalize('NFKC'))) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows as a CSV file Excel opens as UTF-8 (with a BOM), CRLF line ends. */
export function csvFile(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const lines = [header.map(csvField).join(','), ...rows.map((row) => row.map(csvField).join(','))]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
