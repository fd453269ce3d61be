import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { ListMore } from '@/components/ListMore'
import { PageShell } from '@/components/PageShell'
import type { StaffRightsItem } from '@domain/contract'
import type { ErrorCode } from '@domain/errors'
import { formatDateTime } from '@domain/format'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { usePagedList } from '@/services/usePagedList'
import '../../privacy.scss'

/** Answered by another clerk first, or not ours: either way it leaves this queue. */
const GONE: readonly ErrorCode[] = ['RIGHTS_ANSWERED', 'NOT_FOUND']

function RequestCard({ item, onDone }: { item: StaffRightsItem; onDone(): void }) {
  const [answer, setAnswer] = useState('')
  const { busy, run } = useAction('答复', { onError: (failure) => GONE.includes(failure.code) && onDone() })
  const decide = async (decision: 'confirm' | 'refuse') => {
    if (decision === 'refuse' && !answer.trim()) return void Taro.showToast({ title: '请写明不予办理的理由', icon: 'none' })
    await run(async () => {
      const done = await call('review', 'answerRights', { requestId: item.id, decision, ...(answer.trim() ? { answer: answer.trim() } : {}) })
      Taro.showToast({ title: done.status === 'done' ? '已办结' : '已答复', icon: 'success' })
      onDone()
    })
  }
  return (
    <View className='pv__card' data-testid={`rights-item-${item.id}`}>
      <Text className='pv__heading'>{item.typeName}</Text>
      <Text className='pv__text'>
        {item.person.name}
        {item.person.memberNo ? ` · 会员编号 ${item.person.memberNo}` : ''}
        {item.person.idMasked ? ` · ${item.person.idMasked}` : ''}
      </Text>
      {item.union ? <Text className='pv__muted'>{item.union.name}</Text> : null}
      {item.fieldName ? (
        <Text className='pv__text'>
          {item.fieldName}：{item.current ?? '—'} → {item.value ?? ''}
        </Text>
      ) : null}
      {item.note ? <Text className='pv__text'>说明：{item.note}</Text> : null}
      <Text className='pv__muted'>
        {formatDateTime(item.createdAt)}提出 · 已等待 {item.waited}
      </Text>
      <View className='pv__input' id={`answer-${item.id}`}>
        <Input name='answer' placeholder='答复（不予办理时必填，本人可见）' value={answer} maxLength={200} onChange={setAnswer} />
      </View>
      <View className='pv__actions'>
        <Button id={`confirm-${item.id}`} type='primary' size='small' loading={busy} disabled={busy} onClick={() => void decide('confirm')}>
          同意并办理
        </Button>
        <Button id={`refuse-${item.id}`} size='small' disabled={busy} onClick={() => void decide('refuse')}>
          不予办理
        </Button>
      </View>
    </View>
  )
}

/** Staff: the requests about personal data from people of their union and the unions below, oldest first. */
export default function RightsRequests() {
  const list = usePagedList('review', 'rightsQueue', {})
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  const { items } = list
  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(items)} onRetry={() => void list.reload()}>
      {items ? (
        <View className='pv' data-testid='rights-queue'>
          <Text className='pv__muted' data-testid='rights-total'>
            共 {list.total ?? items.length} 项待答复。查阅、更正、删除、撤回同意和退会是会员的权利：请在 15 个工作日内答复。
          </Text>
          {items.map((item) => (
            <RequestCard key={item.id} item={item} onDone={() => list.remove(item.id)} />
          ))}
          <ListMore id='rights-more' more={Boolean(list.nextCursor)} loading={list.loadingMore} onMore={() => void list.loadMore()} endText={items.length ? null : '没有待答复的请求'} endTestId='rights-empty' />
        </View>
      ) : null}
    </PageShell>
  )
}
