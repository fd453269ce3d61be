import { HOME_PATH, pageWithQuery, safeReturnPath } from '../../domain/returnPath'

describe('where the demo sign-in returns to', () => {
  it('keeps the page that asked, with its query', () => {
    const here = pageWithQuery('/features/join/pages/entry/index', { union: 'hhht-xc-kd', $taroTimestamp: '171', stamp: '3' })
    expect(here).toBe('/features/join/pages/entry/index?union=hhht-xc-kd')
    expect(safeReturnPath(encodeURIComponent(here))).toBe(here)
    expect(safeReturnPath(here)).toBe(here)
  })

  it('takes the path without a query the router may already have added, and encodes values', () => {
    expect(pageWithQuery('/features/aid/pages/notice/index?x=1', { keyword: '新城 区' })).toBe('/features/aid/pages/notice/index?keyword=%E6%96%B0%E5%9F%8E%20%E5%8C%BA')
    expect(pageWithQuery('/pages/me/index', {})).toBe('/pages/me/index')
  })

  it('goes to 首页 for anything that is not a page of the app, or is sign-in itself', () => {
    for (const back of [undefined, '', 'https://example.com/x', '//evil/pages/x/index', '/pages/login/index', '/features/join/pages/entry', '/features/../x/index', '%E0%A4%A']) {
      expect(safeReturnPath(back)).toBe(HOME_PATH)
    }
  })
})
