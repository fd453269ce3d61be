import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Choices } from '@/components/Choices'
import { ListMore } from '@/components/ListMore'
import { PageShell } from '@/components/PageShell'
import type { ActionInput } from '@domain/contract'
import { formatDateTime } from '@domain/format'
import { usePagedList } from '@/services/usePagedList'
import '../../ledger.scss'

type Filters = Omit<ActionInput<'review', 'auditLog'>, 'cursor'>

const ACTIONS = [
  { value: '', label: '全部操作' },
  { value: 'join.approve', label: '通过入会' },
  { value: 'join.reject', label: '不通过入会' },
  { value: 'transfer.accept', label: '接收转会' },
  { value: 'ledger.export', label: '导出台账' },
] as const

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * 台账 · 操作记录: who did what to which object and when, within the clerk's unions, newest first.
 * Opened from an application (?kind=applications&id=…) it shows that object's own history.
 */
export default function AuditTrail() {
  const { params } = useRouter()
  const object: Filters = params.kind && params.id ? { objectKind: params.kind, objectId: decodeURIComponent(params.id) } : {}
  const [draft, setDraft] = useState({ actorName: '', action: '', from: '', to: '' })
  const [filters, setFilters] = useState<Filters>(object)
  const [problem, setProblem] = useState<string | null>(null)
  const list = usePagedList('review', 'auditLog', filters)
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  const apply = () => {
    const bad = [draft.from, draft.to].find((d) => d && !DAY.test(d))
    if (bad) return setProblem('日期格式应为 YYYY-MM-DD，例如 2026-11-23')
    setProblem(null)
    setFilters({
      ...object,
      ...(draft.actorName.trim() ? { actorName: draft.actorName.trim() } : {}),
      ...(draft.action ? { action: draft.action } : {}),
      ...(draft.from ? { from: draft.from } : {}),
      ...(draft.to ? { to: draft.to } : {}),
    })
  }

  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(list.items)} onRetry={() => void list.reload()}>
      <View className='ledger' data-testid='audit-trail'>
        <View className='ledger__row'>
          <Button id='open-exports' className='ledger__action' onClick={() => void Taro.navigateTo({ url: '/features/ledger/pages/exports/index' })}>
            台账导出
          </Button>
          <Button id='open-service-days' className='ledger__action' onClick={() => void Taro.navigateTo({ url: '/features/ledger/pages/settings/index' })}>
            办理时限
          </Button>
        </View>
        {object.objectId ? <Text className='ledger__muted'>只显示这份{params.kind === 'transfers' ? '转会' : '申请'}的办理记录</Text> : null}
        <View className='ledger__card'>
          <Text className='ledger__label'>操作人姓名</Text>
          <Input id='audit-actor' className='ledger__input' placeholder='操作人姓名，如 赵干事' aria-label='操作人姓名' value={draft.actorName} onInput={(e) => setDraft({ ...draft, actorName: e.detail.value })} />
          <Text className='ledger__label'>操作</Text>
          <Choices id='audit-action' options={ACTIONS} value={draft.action} onChange={(action) => setDraft({ ...draft, action })} />
          <Text className='ledger__label'>日期（含起止日）</Text>
          <View className='ledger__row'>
            <Input id='audit-from' className='ledger__input' placeholder='起 YYYY-MM-DD' aria-label='开始日期' value={draft.from} onInput={(e) => setDraft({ ...draft, from: e.detail.value })} />
            <Input id='audit-to' className='ledger__input' placeholder='止 YYYY-MM-DD' aria-label='结束日期' value={draft.to} onInput={(e) => setDraft({ ...draft, to: e.detail.value })} />
          </View>
          {problem ? <Text className='ledger__problem'>{problem}</Text> : null}
          <Button id='audit-apply' className='ledger__action' type='primary' block onClick={apply}>
            筛选
          </Button>
        </View>
        {list.items && !list.items.length ? <Text className='ledger__muted'>没有符合条件的记录</Text> : null}
        {(list.items ?? []).map((item) => (
          <View key={item.id} className='ledger__card' data-testid='audit-item'>
            <Text className='ledger__title'>{item.actionName}</Text>
            <Text className='ledger__text'>
              {item.actorName} · {formatDateTime(item.at)}
            </Text>
            <Text className='ledger__muted'>
              {item.object.kindName} {item.object.id}
            </Text>
            {item.changes.map((c) => (
              <Text key={c.field} className='ledger__muted'>
                {c.field}：{c.before ? `${c.before} → ` : ''}
                {c.after}
              </Text>
            ))}
          </View>
        ))}
        <ListMore id='audit-more' more={Boolean(list.nextCursor)} loading={list.loadingMore} onMore={() => void list.loadMore()} endText={list.items?.length ? `已显示全部 ${list.items.length} 条` : null} endTestId='audit-end' />
      </View>
    </PageShell>
  )
}
