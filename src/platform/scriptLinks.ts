/**
 * Taro's web tab bar draws its tabs as `<a href="javascript:;">` with a click handler. The browser
 * would then also run that URL, which the server's Content-Security-Policy rightly forbids (an error
 * on every tab tap). Stopping the link's default keeps the handler and runs no script URL.
 */
export function keepScriptLinksInert(): void {
  document.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="javascript:"]')
      if (link) event.preventDefault()
    },
    true,
  )
}
