import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AVAILABILITY_TEXT } from '@domain/benefits/offers'
import type { OfferSummary } from '@domain/contract'
import { formatDate } from '@domain/format'
import { formatDistance } from '@domain/geo'

/** One offer in the list; tapping opens its detail page. */
export function OfferCard({ offer }: { offer: OfferSummary }) {
  return (
    <View className='bf__card' id={`offer-${offer.id}`} data-testid='offer-card' onClick={() => Taro.navigateTo({ url: `/features/benefits/pages/detail/index?id=${encodeURIComponent(offer.id)}` })}>
      <View className='bf__row'>
        <Text className='bf__title'>{offer.title}</Text>
        <Text className='bf__tag'>{offer.category}</Text>
      </View>
      {offer.distanceM === null ? null : (
        <Text className='bf__muted' data-testid='offer-distance'>
          最近门店 {formatDistance(offer.distanceM).replace(' ', '')}
        </Text>
      )}
      <Text className='bf__muted'>
        {offer.merchantName} · {offer.city}
        {offer.county}
      </Text>
      <View className='bf__row'>
        <Text className='bf__muted'>{formatDate(offer.endAt)}截止 · 剩余 {offer.stock}</Text>
        {offer.availability === 'open' ? null : <Text className='bf__tag'>{AVAILABILITY_TEXT[offer.availability]}</Text>}
      </View>
    </View>
  )
}
