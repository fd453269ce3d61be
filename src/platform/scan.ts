/** The web build cannot scan: the union code comes from the page link or is typed in. */
export const canScan = false

/** The scanned text, or null when the person cancelled (never called on the web). */
export async function scanText(): Promise<string | null> {
  return null
}
