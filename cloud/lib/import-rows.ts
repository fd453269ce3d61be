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
