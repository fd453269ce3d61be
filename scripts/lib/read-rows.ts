import type { ImportRow } from '../../cloud/lib/import-rows'

/**
 * Reads an import file into rows with the line each starts on. CSV: a header row of column
 * names, RFC 4180 quoting (a quoted field may hold commas, quotes and line breaks). JSON: an
 * array of objects with the same keys; the line is the object's line in the file.
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

export function parseJsonRows(text: string): ImportRow[] {
  const data: unknown = JSON.parse(text)
  if (!Array.isArray(data)) throw new Error('JSON 文件须为对象数组')
  // Line of each top-level object: count newlines up to each '{' at depth 1.
  const lines: number[] = []
  let depth = 0
  let line = 1
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      if (ch === '\\') i++
      else if (ch === '"') inString = false
      continue
    }
    if (ch === '"') inString = true
    else if (ch === '\n') line++
    else if (ch === '[' || ch === '{') {
      if (depth === 1 && ch === '{') lines.push(line)
      depth++
    } else if (ch === ']' || ch === '}') depth--
  }
  return data.map((item, k) => ({
    line: lines[k] ?? k + 1,
    fields: item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : {},
  }))
}

export function readRows(fileName: string, text: string): ImportRow[] {
  return fileName.toLowerCase().endsWith('.json') ? parseJsonRows(text) : parseCsv(text)
}
