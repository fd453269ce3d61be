import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { ListMore } from '@/components/ListMore'
import { PageShell } from '@/components/PageShell'
import type { ActionOutput } from '@domain/contract'
import type { ErrorCode } from '@domain/errors'
import { formatDate } from '@domain/format'
import { sideBySide } from '@domain/join/lapse'
import { EMPLOYMENT_TYPES } from '@domain/join/options'
import { historyUrl } from '@domain/ledger/audit'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { usePagedList } from '@/services/usePagedList'
import '../../join.scss'

type Item = ActionOutput<'review', 'queue'>['items'][number]

/** A decision, or one another clerk made first: either way the application leaves this queue. */
const GONE: readonly ErrorCode[] = ['ALREADY_DECIDED', 'NOT_FOUND']

/** `onDone(approved)`: an approval also takes the others with its ID number off the list (the cloud refused them). */
function Application({ item, onDone }: { item: Item; onDone(approved: boolean): void }) {
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const { busy, run } = useAction('审核', { onError: (failure) => GONE.includes(failure.code) && onDone(false) })
  const act = (action: () => Promise<unknown>, success: string, approved: boolean) =>
    run(async () => {
      await action()
      Taro.showToast({ title: success, icon: 'success' })
      onDone(approved)
    })
  return (
    <View className={item.idGroup ? 'join-review join-review--same-id' : 'join-review'} data-testid={`application-${item.id}`}>
      <View className='join-review__head'>
        <Text className='join-review__name'>{item.name}</Text>
        <Text className='join-review__wait'>已等待 {item.waited}</Text>
      </View>
      {item.sameIdCount > 1 ? (
        <Text className='join-review__same-id' data-testid={`same-id-${item.id}`}>
          同一身份证号有 {item.sameIdCount} 份申请，只能通过其中一份
        </Text>
      ) : null}
      <Text className='join-review__line'>
        {item.gender === 'male' ? '男' : '女'} · {item.birthDate} · {item.ethnicity} · {item.idMasked}
      </Text>
      <Text className='join-review__line'>
        {item.phone} · {item.education} · {item.politicalStatus} · {item.hukou}户籍
      </Text>
      <Text className='join-review__line'>
        {item.employer} · {EMPLOYMENT_TYPES[item.employment]}
      </Text>
      <Text className='join-review__line'>
        申请加入 {item.union.name} · {formatDate(item.submittedAt)}提交
      </Text>
      {rejecting ? (
        <View className='join-review__reject'>
          <View id={`reason-${item.id}`}>
            <Input name='reason' placeholder='不通过的原因（申请人可见）' value={reason} maxLength={200} onChange={setReason} />
          </View>
          <View className='join-review__actions'>
            <Button size='small' onClick={() => setRejecting(false)}>
              取消
            </Button>
            <Button
              id={`confirm-reject-${item.id}`}
              size='small'
              type='danger'
              disabled={busy}
              onClick={() => void act(() => call('review', 'reject', { applicationId: item.id, reason }), '已退回', false)}
            >
              确认不通过
            </Button>
          </View>
        </View>
      ) : (
        <View className='join-review__actions'>
          <Button id={`history-${item.id}`} size='small' onClick={() => void Taro.navigateTo({ url: historyUrl('applications', item.id) })}>办理记录</Button>
          <Button id={`reject-${item.id}`} size='small' disabled={busy} onClick={() => setRejecting(true)}>
            不通过
          </Button>
          <Button id={`approve-${item.id}`} size='small' type='primary' disabled={busy} onClick={() => void act(() => call('review', 'approve', { applicationId: item.id }), '已通过', true)}>
            通过
          </Button>
        </View>
      )}
    </View>
  )
}

/**
 * 入会审核 for union staff: the pending applications of their union and the unions below, oldest
 * first, 50 a page; those with one ID number side by side (#14). A decided application leaves the
 * list where it is; a pull down starts again.
 */
export default function Review() {
  const queue = usePagedList('review', 'queue', {})
  usePullDownRefresh(() => {
    void queue.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const { items, total } = queue
  const done = (item: Item, approved: boolean) => {
    queue.remove(item.id)
    if (approved && item.idGroup) for (const other of items ?? []) if (other.idGroup === item.idGroup && other.id !== item.id) queue.remove(other.id)
  }
  return (
    <PageShell error={queue.error} loading={queue.loading} hasData={Boolean(items)} onRetry={() => void queue.reload()}>
      <View className='join' data-testid='review-queue'>
        {items && total ? (
          <Text className='join-review__total' data-testid='review-total'>
            共 {total} 份待审核
          </Text>
        ) : null}
        {items && !items.length && !queue.nextCursor ? (
          <Text className='join-find__hint' data-testid='review-empty'>
            没有待审核的入会申请
          </Text>
        ) : null}
        {items ? sideBySide(items).map((item) => <Application key={item.id} item={item} onDone={(approved) => done(item, approved)} />) : null}
        {items ? (
          <ListMore id='review-more' more={Boolean(queue.nextCursor)} loading={queue.loadingMore} onMore={() => void queue.loadMore()} endText={items.length ? `已显示全部 ${items.length} 份` : null} endTestId='review-end' />
        ) : null}
      </View>
    </PageShell>
  )
}
