/** The web prints the page as it is (its print CSS hides the chrome). */
export const canPrint = true

export function printPage(): void {
  if (typeof window !== 'undefined') window.print()
}
