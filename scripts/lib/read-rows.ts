import { parseCsv, type ImportRow } from '../../cloud/lib/import-rows'

export { parseCsv }

/**
 * Reads an import file into rows with the line each starts on. CSV: cloud/lib/import-rows.ts's
 * parseCsv, the one the cloud's import reads with. JSON (below): an array of objects with the
 * same keys; the line is the object's line in the file.
 */
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
