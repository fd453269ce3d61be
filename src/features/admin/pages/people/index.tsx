import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Choices } from '@/components/Choices'
import { ListMore } from '@/components/ListMore'
import { PageShell } from '@/components/PageShell'
import { UnionPicker } from '@/components/UnionPicker'
import { STAFF_INVITATION_STATUS_NAMES, grantText, roleTitle } from '@domain/admin/invite'
import { AID_LEVEL_DUTIES, AID_LEVEL_NAMES } from '@domain/admin/roles'
import type { ActionOutput, InvitationItem, JoinUnion, StaffRoleItem } from '@domain/contract'
import { formatDate, formatDateTime } from '@domain/format'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { usePagedList } from '@/services/usePagedList'
import { InvitationResult } from '../../components/InvitationResult'
import '../../admin.scss'

const TABS = [
  { value: 'invite', label: '邀请' },
  { value: 'invitations', label: '邀请记录' },
  { value: 'people', label: '人员' },
] as const
type Tab = (typeof TABS)[number]['value']

const KINDS = [
  { value: 'union_staff', label: '工会工作人员' },
  { value: 'aid_reviewer', label: '金秋助学审核人' },
] as const
const LEVELS = [
  { value: '1', label: `${AID_LEVEL_NAMES[1]}（${AID_LEVEL_DUTIES[1]}）` },
  { value: '2', label: `${AID_LEVEL_NAMES[2]}（${AID_LEVEL_DUTIES[2]}）` },
] as const


/** 邀请: a clerk invites a clerk or a 金秋助学 reviewer to a union of their subtree (cashiers: 商户管理). */
function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [kind, setKind] = useState<'union_staff' | 'aid_reviewer'>('union_staff')
  const [level, setLevel] = useState<1 | 2>(1)
  const [union, setUnion] = useState<JoinUnion | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const { busy, run } = useAction('邀请', { inline: (failure) => setProblem(failure.message) })
  const [made, setMade] = useState<ActionOutput<'admin', 'invite'> | null>(null)

  const invite = async () => {
    if (!union) return setProblem('请先在下面选择工会')
    setProblem(null)
    await run(async () => {
      const grant = kind === 'union_staff' ? { kind, unionId: union.id } : { kind, unionId: union.id, level }
      setMade(await call('admin', 'invite', { grant }))
      onInvited()
    })
  }

  if (made) return <InvitationResult invitation={made.invitation} item={made.item} onDone={() => setMade(null)} />
  return (
    <View className='adm__stack' data-testid='invite-form'>
      <View className='adm__card'>
        <Text className='adm__label'>邀请对方担任</Text>
        <Choices id='invite-kind' options={KINDS} value={kind} onChange={(value) => setKind(value as typeof kind)} />
        {kind === 'aid_reviewer' ? (
          <>
            <Text className='adm__label'>审核级别</Text>
            <Choices id='invite-level' options={LEVELS} value={String(level)} onChange={(value) => setLevel(value === '2' ? 2 : 1)} />
            <Text className='adm__muted'>{level === 1 ? '一级审核人核实或退回申请，不能审批。' : '二级审核人审批、处理异议、登记发放，不能核实。'}审核人只能审核金秋助学，不能办理其他业务。</Text>
          </>
        ) : (
          <Text className='adm__muted'>工作人员可办理本工会及下级的各项业务，并可邀请下级人员。</Text>
        )}
        <Text className='adm__muted'>商户核销员请在“我的 → 商户管理”中为商户邀请。</Text>
        <Text className='adm__label'>所在工会：{union ? union.name : '请在下面选择'}</Text>
      </View>
      <UnionPicker id='invite-union' selected={union ? [union.id] : []} onPick={setUnion} />
      {problem ? (
        <Text className='adm__problem' data-testid='invite-problem'>
          {problem}
        </Text>
      ) : null}
      <Button id='invite-create' className='adm__action' type='primary' block loading={busy} disabled={busy} onClick={() => void invite()}>
        生成邀请二维码
      </Button>
    </View>
  )
}

const STATUS_CLASS: Record<InvitationItem['status'], string> = { open: '', lapsed: ' adm__status--off', expired: ' adm__status--off', accepted: ' adm__status--done', cancelled: ' adm__status--off', ended: ' adm__status--off' }

function InvitationCard({ item, onCancelled }: { item: InvitationItem; onCancelled: (item: InvitationItem) => void }) {
  const { busy, run } = useAction('取消邀请')
  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消邀请', content: `取消后这份邀请不能再使用。确定取消“${grantText(item.grants).title}”的邀请吗？`, confirmText: '确定取消', cancelText: '不取消' })
    if (!confirm) return
    await run(async () => {
      onCancelled(await call('admin', 'cancelInvitation', { id: item.id }))
      Taro.showToast({ title: '已取消', icon: 'success' })
    })
  }
  return (
    <View className='adm__card' data-testid='invitation-item' data-status={item.status}>
      <Text className={`adm__status${STATUS_CLASS[item.status]}`}>{STAFF_INVITATION_STATUS_NAMES[item.status]}</Text>
      <Text className='adm__title'>{grantText(item.grants).title}</Text>
      {item.unionPath.length > 1 ? <Text className='adm__muted'>{item.unionPath.join(' › ')}</Text> : null}
      <Text className='adm__muted'>
        {item.invitedBy} 邀请于 {formatDateTime(item.createdAt)}
        {item.status === 'open' ? `，有效期至 ${formatDateTime(item.expiresAt)}` : ''}
      </Text>
      {item.acceptedBy ? (
        <Text className='adm__text' data-testid='accepted-by'>
          {item.acceptedBy} 于 {formatDateTime(item.acceptedAt ?? item.createdAt)} 接受
        </Text>
      ) : null}
      {item.canCancel ? (
        <Button id={`cancel-${item.id}`} className='adm__action' loading={busy} disabled={busy} onClick={() => void cancel()}>
          取消邀请
        </Button>
      ) : null}
    </View>
  )
}

function RoleCard({ item, onRevoked }: { item: StaffRoleItem; onRevoked: (id: string) => void }) {
  const { busy, run } = useAction('撤销角色')
  const revoke = async () => {
    const { confirm } = await Taro.showModal({ title: '撤销角色', content: `撤销后 ${item.holder} 立即不再是“${roleTitle(item.role)}”，原邀请也随之失效。确定撤销吗？`, confirmText: '确定撤销', cancelText: '不撤销' })
    if (!confirm) return
    await run(async () => {
      await call('admin', 'revokeRole', { roleId: item.id })
      Taro.showToast({ title: '已撤销', icon: 'success' })
      onRevoked(item.id)
    })
  }
  return (
    <View className='adm__card' data-testid='role-item'>
      <Text className='adm__title'>
        {item.holder}
        {item.mine ? '（我）' : ''}
      </Text>
      <Text className='adm__text'>{roleTitle(item.role)}</Text>
      {item.unionPath.length > 1 ? <Text className='adm__muted'>{item.unionPath.join(' › ')}</Text> : null}
      <Text className='adm__muted'>{item.grantedBy ? `由 ${item.grantedBy} 邀请，${item.grantedAt ? `${formatDate(item.grantedAt)}起担任` : ''}` : '初始数据'}</Text>
      {item.canRevoke ? (
        <Button id={`revoke-${item.id}`} className='adm__action' loading={busy} disabled={busy} onClick={() => void revoke()}>
          撤销
        </Button>
      ) : null}
    </View>
  )
}

/**
 * 邀请与人员 (union clerks): invite a clerk or a 金秋助学 reviewer to a union of their subtree; the
 * subtree's invitations (who invited, who accepted, cancel an open one); and who holds which role
 * (revoke under the revocation rule: clerks below, reviewers and cashiers at the clerk's union or below).
 */
export default function People() {
  const [tab, setTab] = useState<Tab>('invite')
  const invitations = usePagedList('admin', 'invitations', {})
  const roles = usePagedList('admin', 'staffRoles', {})
  usePullDownRefresh(() => void Promise.all([invitations.reload(), roles.reload()]).finally(() => Taro.stopPullDownRefresh()))
  const first = tab === 'people' ? roles : invitations

  return (
    <PageShell error={first.error} loading={first.loading} hasData={Boolean(first.items)} onRetry={() => void first.reload()}>
      <View className='adm' data-testid='people'>
        <Choices id='people-tab' options={TABS} value={tab} onChange={(value) => setTab(value as Tab)} />
        {tab === 'invite' ? <InviteForm onInvited={() => void invitations.reload()} /> : null}
        {tab === 'invitations' && invitations.items ? (
          <>
            {!invitations.items.length ? <Text className='adm__muted'>还没有邀请记录</Text> : null}
            {invitations.items.map((item) => (
              <InvitationCard key={item.id} item={item} onCancelled={invitations.replace} />
            ))}
            <ListMore id='invitations-more' more={Boolean(invitations.nextCursor)} loading={invitations.loadingMore} onMore={() => void invitations.loadMore()} endText={invitations.items.length ? `已显示全部 ${invitations.items.length} 份邀请` : null} endTestId='invitations-end' />
          </>
        ) : null}
        {tab === 'people' && roles.items ? (
          <>
            {roles.items.map((item) => (
              <RoleCard key={item.id} item={item} onRevoked={roles.remove} />
            ))}
            <ListMore id='roles-more' more={Boolean(roles.nextCursor)} loading={roles.loadingMore} onMore={() => void roles.loadMore()} endText={roles.items.length ? `已显示全部 ${roles.items.length} 人次` : null} endTestId='roles-end' />
          </>
        ) : null}
      </View>
    </PageShell>
  )
}
