/** Invisible characters (Unicode's format class: zero-width spaces and joiners, bidi marks, BOM). */
const INVISIBLE = /\p{Cf}/gu

/**
 * RFC 4180 field; a leading = + - @ (or tab, CR) is defused so a spreadsheet never runs it as a
 * formula. The check reads the text as a spreadsheet may: NFKC first (fullwidth ＝＋－＠ are = + - @),
 * and invisible characters are dropped from the field, so none can hide what comes first.
 * Shared by the cloud's 金秋助学 export and the app's figures download.
 */
export function csvField(value: string | number): string {
  let text = String(value).replace(INVISIBLE, '')
  if (/^\s*[=+\-@\t\r]/.test(text.normalize('NFKC'))) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows as a CSV file's text: UTF-8 with a BOM (Excel), CRLF lines, every field through csvField. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`
}
