/**
 * Where the web build's demo sign-in returns to: the page that asked for it, with its query (a join
 * link keeps its union). Only a page of the app itself is accepted; anything else goes to 首页.
 */
export const HOME_PATH = '/pages/home/index'

const APP_PAGE = /^\/(pages|features)\/[A-Za-z0-9_/-]+\/index$/

/** The page a router reports (its path may carry a query already) with its parameters, as one path. */
export function pageWithQuery(path: string, params: Record<string, string | undefined>): string {
  const bare = path.split('?')[0]
  const query = Object.entries(params)
    // Taro adds its own stamps to the parameters; they are not the page's.
    .filter(([key, value]) => value !== undefined && !key.startsWith('$') && key !== 'stamp')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value as string)}`)
    .join('&')
  return query ? `${bare}?${query}` : bare
}

/** The return path to use, from a `back` parameter (encoded or not): an app page other than sign-in, or 首页. */
export function safeReturnPath(back: string | undefined): string {
  if (!back) return HOME_PATH
  let decoded: string
  try {
    decoded = decodeURIComponent(back)
  } catch {
    return HOME_PATH
  }
  const [path] = decoded.split('?')
  if (!APP_PAGE.test(path) || path === '/pages/login/index') return HOME_PATH
  return decoded
}
