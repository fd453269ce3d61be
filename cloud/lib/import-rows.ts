/** One row of an import file (CSV or JSON): its fields and the line of the file it starts on (1-based). */
export interface ImportRow {
  line: number
  fields: Record<string, unknown>
}

/** A refused row, as an import reports it: its line, the code it gave, and every reason. */
export interface RejectedRow {
  line: number
  code: string
  reasons: string[]
}

/**
 * Reads CSV text into rows with the line each starts on: a header row of column names, RFC 4180
 * quoting (a quoted field may hold commas, quotes and line breaks), a UTF-8 BOM skipped. The one
 * reader for the command-line importer and the cloud's import.
 */
export function parseCsv(text: string): ImportRow[] {
  const records: Array<{ line: number; cells: string[] }> = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let start = 1
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const endRecord = () => {
    cells.push(cell)
    if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells })
    cells = []
    cell = ''
  }
  for (; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++ }
      else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        cell += ch
      }
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === ',') { cells.push(cell); cell = '' }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      start = line
    } else cell += ch
  }
  if (cell !== '' || cells.length) endRecord()
  const [header, ...body] = records
  if (!header) return []
  const names = header.cells.map((h) => h.trim())
  return body.map(({ line: at, cells: values }) => ({ line: at, fields: Object.fromEntries(names.map((n, k) => [n, values[k] ?? ''])) }))
}

