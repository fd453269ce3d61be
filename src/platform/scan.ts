import type { Scanned } from '@domain/scan'

export type { Scanned }

/** The web build cannot scan: the union code comes from the page link or is typed in, a coupon code is typed. */
export const canScan = false

/** What the camera read, or null when the person cancelled (never called on the web). */
export async function scanCode(_options: { cameraOnly?: boolean } = {}): Promise<Scanned | null> {
  return null
}
