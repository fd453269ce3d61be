import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { ListMore } from '@/components/ListMore'
import { PageShell } from '@/components/PageShell'
import type { TransferView } from '@domain/contract'
import { EMPLOYMENT_TYPES } from '@domain/join/options'
import { TRANSFER_REASONS } from '@domain/transfer/machine'
import { historyUrl } from '@domain/ledger/audit'
import { formatWait } from '@domain/format'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { usePagedList } from '@/services/usePagedList'
import './index.scss'

type Side = 'outgoing' | 'incoming'

function TransferRow({ transfer, side, onDone }: { transfer: TransferView; side: Side; onDone: () => void }) {
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const { busy, run } = useAction('办理', {
    // A reason refused is said as the reason's own problem.
    inline: (failure) => void Taro.showToast({ title: failure.fields?.reason ?? failure.message, icon: 'none', duration: 3000 }),
    // Withdrawn or decided meanwhile: it is no longer this clerk's to act on.
    onError: (failure) => (failure.code === 'TRANSFER_STATE' || failure.code === 'NOT_FOUND') && onDone(),
  })

  const act = (action: 'release' | 'accept' | 'reject') =>
    run(async () => {
      if (action === 'reject') await call('transfer', 'reject', { transferId: transfer.id, reason })
      else await call('transfer', action, { transferId: transfer.id })
      Taro.showToast({ title: { release: '已放行', accept: '已接收', reject: '已驳回' }[action], icon: 'success' })
      onDone()
    })

  const since = side === 'incoming' && transfer.releasedAt ? transfer.releasedAt : transfer.createdAt
  return (
    <View className='transfer-queue__row' data-testid={`transfer-${transfer.id}`}>
      <View className='transfer-queue__head'>
        <Text className='transfer-queue__name'>
          {transfer.memberName} · {transfer.memberNo}
        </Text>
        <Text className='transfer-queue__wait'>{formatWait(since, new Date())}</Text>
      </View>
      <Text>
        {transfer.fromUnion.name} → {transfer.toUnion.name}
      </Text>
      <Text className='transfer-queue__detail'>
        {TRANSFER_REASONS[transfer.reason]}
        {transfer.reasonText ? `：${transfer.reasonText}` : ''} · 新单位 {transfer.newEmployer} · {EMPLOYMENT_TYPES[transfer.jobType]}
      </Text>
      {transfer.releasedBy === 'auto' ? <Text className='transfer-queue__detail'>原工会逾期未处理，已自动放行</Text> : null}
      {rejecting ? <TextArea id='reject-reason' value={reason} placeholder='驳回原因（会员可见）' maxLength={200} onChange={setReason} /> : null}
      <View className='transfer-queue__actions'>
        <Button id={`history-${transfer.id}`} size='small' onClick={() => void Taro.navigateTo({ url: historyUrl('transfers', transfer.id) })}>办理记录</Button>
        {side === 'outgoing' ? (
          <Button id='release-transfer' type='primary' size='small' disabled={busy} onClick={() => void act('release')}>
            放行
          </Button>
        ) : rejecting ? (
          <>
            <Button size='small' onClick={() => setRejecting(false)}>
              取消
            </Button>
            <Button id='confirm-reject' type='primary' size='small' disabled={busy} onClick={() => void act('reject')}>
              确认驳回
            </Button>
          </>
        ) : (
          <>
            <Button id='reject-transfer' size='small' onClick={() => setRejecting(true)}>
              驳回
            </Button>
            <Button id='accept-transfer' type='primary' size='small' disabled={busy} onClick={() => void act('accept')}>
              接收
            </Button>
          </>
        )}
      </View>
    </View>
  )
}

/**
 * Union staff: transfers waiting for their subtree to release (转出) or to accept (转入), oldest
 * first, 50 a page. A decided transfer leaves the list where it is; a pull down starts again.
 */
export default function TransferQueue() {
  const [side, setSide] = useState<Side>('outgoing')
  const queue = usePagedList('transfer', 'queue', { side })
  usePullDownRefresh(() => {
    void queue.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const { items, total } = queue
  return (
    <PageShell error={queue.error} loading={queue.loading} hasData={Boolean(items)} onRetry={() => void queue.reload()}>
      <View className='transfer-queue'>
        <View className='transfer-queue__tabs'>
          {(['outgoing', 'incoming'] as Side[]).map((s) => (
            <Text key={s} id={`tab-${s}`} className={`transfer-queue__tab${s === side ? ' transfer-queue__tab--on' : ''}`} onClick={() => setSide(s)}>
              {s === 'outgoing' ? '转出待放行' : '转入待接收'}
            </Text>
          ))}
        </View>
        {items && total ? (
          <Text className='transfer-queue__total' data-testid='queue-total'>
            共 {total} 件待办
          </Text>
        ) : null}
        {items && !items.length && !queue.nextCursor ? <Text className='transfer-queue__empty' data-testid='queue-empty'>暂无待办</Text> : null}
        {items?.map((t) => <TransferRow key={t.id} transfer={t} side={side} onDone={() => queue.remove(t.id)} />)}
        {items ? (
          <ListMore id='queue-more' more={Boolean(queue.nextCursor)} loading={queue.loadingMore} onMore={() => void queue.loadMore()} endText={items.length ? `已显示全部 ${items.length} 件` : null} endTestId='queue-end' />
        ) : null}
      </View>
    </PageShell>
  )
}
