import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { limitText } from '@domain/benefits/categories'
import { AVAILABILITY_TEXT } from '@domain/benefits/offers'
import type { OfferStore } from '@domain/contract'
import { CloudError } from '@domain/errors'
import { formatDate } from '@domain/format'
import { toLatLng } from '@domain/geo'
import { shareOffer } from '@domain/share'
import { navigateTo } from '@/platform/navigate'
import { askToBeTold } from '@/platform/subscribe'
import { call } from '@/services/cloud'
import { useRetryKey } from '@/services/ids'
import { useCloud } from '@/services/useCloud'
import { useShare } from '@/services/useShare'
import '../../benefits.scss'


/** 去这里: the same map as a station's (src/platform/navigate). */
const openStore = (store: OfferStore) => navigateTo(toLatLng(store), store.name, store.address)

/** 福利详情: rules, stores with 去这里, and 领取 (members only; a non-member is shown how to join). */
export default function OfferDetail() {
  const id = useRouter().params.id ?? ''
  const detail = useCloud('benefits', 'detail', { id }, Boolean(id))
  const [claiming, setClaiming] = useState(false)
  // A retry after a lost answer is the same claim, not a second one (src/services/ids.ts).
  const retryKey = useRetryKey()
  const offer = detail.data
  useShare(shareOffer(id, offer?.title ?? '普惠福利', offer?.merchantName ?? '工会会员专享'))

  const claim = async () => {
    // Inside the tap, as WeChat requires: may we tell them before the coupon expires?
    await askToBeTold(['couponExpiry'])
    setClaiming(true)
    try {
      const coupon = await call('benefits', 'claim', { offerId: id, idempotencyKey: retryKey.key({ offerId: id }) })
      retryKey.settle()
      Taro.showToast({ title: '领取成功', icon: 'success' })
      await detail.reload()
      Taro.navigateTo({ url: `/features/benefits/pages/coupon/index?id=${encodeURIComponent(coupon.id)}` })
    } catch (e) {
      const failure = e instanceof CloudError ? e : new CloudError('INTERNAL')
      retryKey.settle(failure)
      Taro.showModal({ title: '未能领取', content: failure.message, showCancel: false })
    } finally {
      setClaiming(false)
    }
  }

  let action = null
  if (offer) {
    if (!offer.me.member) {
      action = (
        <View className='bf__card' data-testid='join-first'>
          <Text className='bf__title'>请先入会</Text>
          <Text className='bf__text'>普惠福利仅限工会会员领取。入会后即可领取。</Text>
          <Button id='go-join' type='primary' onClick={() => Taro.switchTab({ url: '/pages/home/index' })}>
            回首页入会
          </Button>
        </View>
      )
    } else if (!offer.me.eligible) {
      action = <Text className='bf__empty'>此福利仅限{offer.eligibleUnionName ?? '指定工会'}的会员领取</Text>
    } else if (offer.me.claimedThisPeriod >= offer.limit.count) {
      action = <Text className='bf__empty' data-testid='limit-reached'>已领取，{limitText(offer.limit)}</Text>
    } else {
      action = (
        <Button id='claim-btn' type='primary' block loading={claiming} disabled={offer.availability !== 'open'} onClick={() => void claim()}>
          {AVAILABILITY_TEXT[offer.availability]}
        </Button>
      )
    }
  }

  return (
    <PageShell missing={!id} error={detail.error} loading={detail.loading} hasData={Boolean(offer)} onRetry={() => void detail.reload()}>
      {offer ? (
        <View className='bf' data-testid='offer-detail'>
          <View className='bf__card'>
            <Text className='bf__title'>{offer.title}</Text>
            <Text className='bf__muted'>
              {offer.merchantName} · {offer.category}
            </Text>
            <Text className='bf__text'>{offer.description}</Text>
            <Text className='bf__muted'>
              {formatDate(offer.startAt)} — {formatDate(offer.endAt)} · 剩余 {offer.stock} / {offer.total}
            </Text>
            <Text className='bf__muted'>
              {limitText(offer.limit)} · 领取后 {offer.couponValidDays} 天内有效{offer.eligibleUnionName ? ` · 限${offer.eligibleUnionName}会员` : ''}
            </Text>
          </View>
          <Text className='bf__section'>使用规则</Text>
          <View className='bf__card'>
            {offer.rules.map((rule, i) => (
              <Text key={i} className='bf__text'>
                {i + 1}. {rule}
              </Text>
            ))}
          </View>
          <Text className='bf__section'>适用门店</Text>
          {offer.stores.map((store, i) => (
            <View key={i} className='bf__card'>
              <View className='bf__row'>
                <Text className='bf__title'>{store.name}</Text>
                <Button size='small' id={`go-store-${i}`} onClick={() => openStore(store)}>
                  去这里
                </Button>
              </View>
              <Text className='bf__muted'>{store.address}</Text>
            </View>
          ))}
          {action}
        </View>
      ) : null}
    </PageShell>
  )
}
