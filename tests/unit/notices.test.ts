import { isTabPage, noticePage } from '../../domain/notices'

/** #15 item 8: every notice in 我的消息 opens what it is about; older ones a fitting list. */
describe('noticePage', () => {
  it('opens the record a notice names', () => {
    expect(noticePage({ target: { kind: 'coupon', id: 'c 1' }, link: null, title: '福利券即将过期' })).toBe('/features/benefits/pages/coupon/index?id=c%201')
    expect(noticePage({ target: { kind: 'transfer', id: 't1' }, link: '/pages/me/index', title: '转会' })).toBe('/features/transfer/pages/status/index')
    expect(noticePage({ target: { kind: 'application', id: 'a1' }, link: null, title: '入会申请已通过' })).toBe('/pages/me/index')
    expect(noticePage({ target: { kind: 'aid', id: 'x' }, link: null, title: '' })).toBe('/features/aid/pages/index/index')
    expect(noticePage({ target: { kind: 'rights', id: 'x' }, link: null, title: '' })).toBe('/features/privacy/pages/data/index')
  })

  it('opens an older notice’s link, or else the list its title is about, or else 我的', () => {
    expect(noticePage({ target: null, link: '/features/aid/pages/index/index', title: '助学金已发放' })).toBe('/features/aid/pages/index/index')
    expect(noticePage({ target: null, link: null, title: '转会申请已转出' })).toBe('/features/transfer/pages/status/index')
    expect(noticePage({ target: null, link: null, title: '福利券即将过期' })).toBe('/features/benefits/pages/coupons/index')
    expect(noticePage({ target: null, link: null, title: '助学申请已提交' })).toBe('/features/aid/pages/index/index')
    expect(noticePage({ target: null, link: null, title: '系统通知' })).toBe('/pages/me/index')
  })

  it('knows the tab pages', () => {
    expect(isTabPage('/pages/me/index')).toBe(true)
    expect(isTabPage('/features/aid/pages/index/index')).toBe(false)
  })
})
