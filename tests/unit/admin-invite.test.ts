import { inviteTokenFromQuery, inviteWebPath } from '../../domain/admin/invite'

describe('the invitation link', () => {
  it('reads the token from a 小程序码 scene or the web link, and nothing else', () => {
    const token = 'abcDEF123_-abcDEF123_-abcDEF1234'
    expect(inviteTokenFromQuery({ scene: encodeURIComponent(token) })).toBe(token)
    expect(inviteTokenFromQuery({ token })).toBe(token)
    expect(inviteTokenFromQuery({})).toBeNull()
    expect(inviteTokenFromQuery({ token: 'too-short' })).toBeNull()
    expect(inviteTokenFromQuery({ token: `${token}x` })).toBeNull()
    expect(inviteTokenFromQuery({ scene: '%E0%A4%A' })).toBeNull()
    expect(inviteWebPath(token)).toBe(`/#/features/admin/pages/invite/index?token=${token}`)
  })
})
