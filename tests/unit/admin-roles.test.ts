import { grantText, invitationNotice, roleTitle } from '../../domain/admin/invite'
import { mayCancel, mayGrant, mayRevoke } from '../../domain/admin/roles'
import { actsAt, mayView, reviewScopeOf, scopeUnions } from '../../domain/aid/review'
import { maskPhone, mayMoveMerchant, merchantActive, merchantNameKey } from '../../domain/merchants/merchant'
import { pageCursor, parsePageCursor } from '../../domain/paging'
import { ERROR_MESSAGES } from '../../domain/errors'

const CITY = ['nmg', 'hhht']
const XC = [...CITY, 'hhht-xc']
const KD = [...XC, 'hhht-xc-kd']
const HM = [...CITY, 'hhht-hm']

describe('who may grant a role (domain/admin/roles.ts)', () => {
  it('a clerk grants on their union and below, never above or beside', () => {
    expect(mayGrant(['hhht-xc'], XC)).toBe(true)
    expect(mayGrant(['hhht-xc'], KD)).toBe(true)
    expect(mayGrant(['hhht-xc'], CITY)).toBe(false)
    expect(mayGrant(['hhht-xc'], HM)).toBe(false)
    expect(mayGrant([], XC)).toBe(false)
    expect(mayGrant(['hhht-hm', 'hhht-xc'], KD)).toBe(true)
  })
})

describe('the revocation rule', () => {
  it('clerks strictly below; reviewers and cashiers at the clerk’s union or below; nobody above or beside', () => {
    expect(mayRevoke(['hhht'], { kind: 'union_staff', unionPath: XC })).toBe(true)
    expect(mayRevoke(['hhht-xc'], { kind: 'union_staff', unionPath: XC })).toBe(false)
    expect(mayRevoke(['hhht-xc'], { kind: 'union_staff', unionPath: CITY })).toBe(false)
    expect(mayRevoke(['hhht-xc'], { kind: 'union_staff', unionPath: KD })).toBe(true)
    expect(mayRevoke(['hhht-xc'], { kind: 'aid_reviewer', unionPath: XC })).toBe(true)
    expect(mayRevoke(['hhht-xc'], { kind: 'merchant_staff', unionPath: XC })).toBe(true)
    expect(mayRevoke(['hhht-xc'], { kind: 'aid_reviewer', unionPath: CITY })).toBe(false)
    expect(mayRevoke(['hhht-xc'], { kind: 'merchant_staff', unionPath: HM })).toBe(false)
    // Two clerk roles: the higher one reaches what the lower one cannot.
    expect(mayRevoke(['hhht-xc', 'hhht'], { kind: 'union_staff', unionPath: XC })).toBe(true)
    expect(mayRevoke([], { kind: 'merchant_staff', unionPath: XC })).toBe(false)
  })

  it('cancelling: the inviter within their subtree, or anyone who could revoke the role', () => {
    expect(mayCancel(['hhht-xc'], 'me', { kind: 'union_staff', unionPath: XC, invitedBy: 'me' })).toBe(true)
    expect(mayCancel(['hhht-xc'], 'me', { kind: 'union_staff', unionPath: XC, invitedBy: 'boss' })).toBe(false)
    expect(mayCancel(['hhht'], 'boss', { kind: 'aid_reviewer', unionPath: XC, invitedBy: 'me' })).toBe(true)
    expect(mayCancel([], 'me', { kind: 'merchant_staff', unionPath: XC, invitedBy: 'me' })).toBe(false)
  })
})

describe('金秋助学 review scope: clerks at both levels, reviewers at one', () => {
  const scope = reviewScopeOf([
    { kind: 'aid_reviewer', unionId: 'hhht-xc', level: 1 },
    { kind: 'aid_reviewer', unionId: 'hhht', level: 2 },
    { kind: 'merchant_staff' },
  ])
  it('acts exactly where a clerk of that union would act at that level', () => {
    expect(scope).toEqual({ levelOne: ['hhht-xc'], levelTwo: ['hhht'] })
    expect(scopeUnions(scope)).toEqual(['hhht-xc', 'hhht'])
    expect(actsAt(1, KD, scope)).toBe(true)
    expect(actsAt(2, KD, scope)).toBe(true)
    expect(actsAt(1, KD, { levelOne: [], levelTwo: ['hhht'] })).toBe(false)
    expect(actsAt(2, KD, { levelOne: ['hhht'], levelTwo: [] })).toBe(false)
    expect(mayView(KD, { levelOne: [], levelTwo: ['hhht-xc'] })).toBe(false)
    expect(mayView([...HM, 'hhht-hm-jz'], { levelOne: ['hhht-xc'], levelTwo: [] })).toBe(false)
  })
  it('a list of union ids still means clerks of them', () => {
    expect(reviewScopeOf([{ kind: 'union_staff', unionId: 'hhht-xc' }])).toEqual({ levelOne: ['hhht-xc'], levelTwo: ['hhht-xc'] })
    expect(actsAt(1, KD, ['hhht-xc'])).toBe(true)
    expect(actsAt(2, KD, ['hhht'])).toBe(true)
  })
})

describe('merchants (domain/merchants/merchant.ts)', () => {
  it('one name per union, however spaced, bracketed or cased', () => {
    expect(merchantNameKey('u', ' 示例 修车铺（演示）')).toBe(merchantNameKey('u', '示例修车铺(演示)'))
    expect(merchantNameKey('u', 'ABC 店')).toBe(merchantNameKey('u', 'abc店'))
    expect(merchantNameKey('u', '甲')).not.toBe(merchantNameKey('v', '甲'))
  })
  it('masks a phone for anyone but staff', () => {
    expect(maskPhone('13912345678')).toBe('139****5678')
    expect(maskPhone('12')).toBe('****')
  })
  it('pauses and resumes freely, closes for good', () => {
    expect(mayMoveMerchant('active', 'paused')).toBe(true)
    expect(mayMoveMerchant('paused', 'active')).toBe(true)
    expect(mayMoveMerchant('paused', 'closed')).toBe(true)
    expect(mayMoveMerchant('closed', 'active')).toBe(false)
    expect(mayMoveMerchant('active', 'active')).toBe(false)
    expect(merchantActive({})).toBe(true)
    expect(merchantActive({ status: 'paused' })).toBe(false)
  })
})

describe('roles in words', () => {
  const union = { id: 'hhht-xc', name: '新城区总工会', level: 'county' as const }
  it('names each role, level and duty', () => {
    expect(roleTitle({ kind: 'union_staff', union })).toBe('新城区总工会（县级总工会）工作人员')
    expect(roleTitle({ kind: 'aid_reviewer', union, level: 1 })).toBe('新城区总工会 金秋助学一级审核人（基层核实）')
    expect(grantText({ kind: 'aid_reviewer', union, level: 2 }).duties).toContain('不能核实')
    expect(roleTitle({ kind: 'merchant_staff', merchantId: 'm', merchantName: '示例店' })).toBe('示例店 核销员')
    expect(invitationNotice('own')).toBe(ERROR_MESSAGES.INVITE_OWN)
    expect(invitationNotice('ended')).toBe(ERROR_MESSAGES.INVITE_ENDED)
    expect(invitationNotice('lapsed')).toBe(ERROR_MESSAGES.INVITE_LAPSED)
  })
  it('a role id (inv- and a 64-digit hash) fits a page cursor', () => {
    const position = { value: '2026-11-23T08:00:00.000Z', id: `inv-${'a'.repeat(64)}` }
    expect(parsePageCursor(pageCursor(position))).toEqual(position)
  })
})
