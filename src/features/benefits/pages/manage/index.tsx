import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import type { OfferAdmin } from '@domain/contract'
import { formatDate } from '@domain/format'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { useCloud } from '@/services/useCloud'
import { OfferFormView } from '../../components/OfferFormView'
import '../../benefits.scss'

/** 福利管理 (union staff): offers of my union and the unions below; add, edit, pause, resume. */
export default function ManageOffers() {
  const list = useCloud('benefits', 'manageList', {})
  const [editing, setEditing] = useState<OfferAdmin | 'new' | null>(null)
  const data = list.data
  const toggling = useAction('更改福利状态')

  const toggle = (offer: OfferAdmin) =>
    toggling.run(async () => {
      await call('benefits', 'setOfferStatus', { id: offer.id, status: offer.status === 'active' ? 'paused' : 'active' })
      await list.reload()
    })

  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(data)} onRetry={() => void list.reload()}>
      {data ? (
        <View className='bf' data-testid='manage-offers'>
          {editing ? (
            <OfferFormView
              offer={editing === 'new' ? null : editing}
              choices={data}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null)
                Taro.showToast({ title: '已保存', icon: 'success' })
                void list.reload()
              }}
            />
          ) : (
            <Button id='offer-add' type='primary' block onClick={() => setEditing('new')}>
              新增福利
            </Button>
          )}
          {!data.items.length ? <Text className='bf__empty'>还没有福利，点上方新增</Text> : null}
          {data.items.map((offer) => (
            <View key={offer.id} className='bf__card' data-testid='manage-offer'>
              <View className='bf__row'>
                <Text className='bf__title'>{offer.title}</Text>
                <Text className='bf__tag'>{offer.status === 'active' ? '进行中' : '已暂停'}</Text>
              </View>
              <Text className='bf__muted'>
                {offer.merchantName} · {formatDate(offer.startAt)} — {formatDate(offer.endAt)}
              </Text>
              <Text className='bf__muted'>
                已领 {offer.claimed} / 共 {offer.total}
              </Text>
              <View className='bf__row'>
                <Button size='small' id={`edit-${offer.id}`} onClick={() => setEditing(offer)}>
                  修改
                </Button>
                <Button size='small' id={`toggle-${offer.id}`} disabled={toggling.busy} onClick={() => void toggle(offer)}>
                  {offer.status === 'active' ? '暂停' : '恢复'}
                </Button>
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  )
}
