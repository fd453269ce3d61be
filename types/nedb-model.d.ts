/** nedb's own query matcher (the one its find uses), for filters tested in memory (the geo index). */
declare module '@seald-io/nedb/lib/model' {
  export function match(doc: unknown, query: unknown): boolean
}
