import { actionName, auditChanges, historyUrl, objectName } from '../../domain/ledger/audit'

describe('the 台账’s words for an audit entry', () => {
  it('shows the named fields that changed, in words, and nothing else (no openid, no ID number)', () => {
    const changes = auditChanges({ status: 'pending', holder: 'o-secret' }, { status: 'approved', decidedBy: 'o-secret', idMasked: '150102********1230', memberNo: '150102000002' })
    expect(changes).toEqual([
      { field: '状态', before: '待审核', after: '已通过' },
      { field: '会员编号', before: '', after: '150102000002' },
    ])
    expect(JSON.stringify(changes)).not.toMatch(/o-secret|\*/)
    expect(auditChanges({ autoApprove: false }, { autoApprove: true })).toEqual([{ field: '自动通过', before: '否', after: '是' }])
    expect(auditChanges(null, { status: 'open' })).toEqual([{ field: '状态', before: '', after: '未处理' }])
    expect(auditChanges({ status: 'open' }, { status: 'open' })).toEqual([])
  })

  it('names actions and objects, and falls back to the stored name for a new one', () => {
    expect(actionName('join.approve')).toBe('通过入会申请')
    expect(actionName('something.new')).toBe('something.new')
    expect(objectName('transfers')).toBe('转会')
    expect(historyUrl('applications', 'app-1 2')).toBe('/features/ledger/pages/audit/index?kind=applications&id=app-1%202')
  })
})
