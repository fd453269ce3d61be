/**
 * The guide's name and page: what the notice (main package) needs, without the guide's whole text
 * (domain/privacy/guide.ts), which only the guide's own page in its subpackage loads.
 */
export const GUIDE_TITLE = '工会会员服务隐私保护指引'

/** How the app names the guide where WeChat does not give the console's name (the web build). */
export const DEFAULT_GUIDE_NAME = `《${GUIDE_TITLE}》`

/** The app's own page with the whole guide. */
export const GUIDE_PAGE = '/features/privacy/pages/guide/index'
