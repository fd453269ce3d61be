/**
 * On the web the browser's own font size already reaches the root font (app.ts), so a page needs
 * nothing more. The WeChat build sets each page's root font size (pageMeta.weapp.tsx).
 */
export function PageRootFont(): null {
  return null
}
