import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CouponView } from '@domain/contract'
import { formatDate } from '@domain/format'

const STATE_TEXT: Record<CouponView['state'], string> = { active: '可使用', used: '已使用', expired: '已过期' }

/** One coupon under 我的福利; tapping shows its code for the merchant. */
export function CouponCard({ coupon }: { coupon: CouponView }) {
  return (
    <View className='bf__card' id={`coupon-${coupon.id}`} data-testid='coupon-card' onClick={() => Taro.navigateTo({ url: `/features/benefits/pages/coupon/index?id=${encodeURIComponent(coupon.id)}` })}>
      <View className='bf__row'>
        <Text className='bf__title'>{coupon.title}</Text>
        {coupon.reminder ? <Text className='bf__tag bf__tag--warn'>{coupon.reminder}</Text> : <Text className='bf__tag'>{STATE_TEXT[coupon.state]}</Text>}
      </View>
      <Text className='bf__muted'>{coupon.merchantName}</Text>
      <Text className='bf__muted'>
        核销码 {coupon.code} · {coupon.state === 'used' && coupon.usedAt ? `${formatDate(coupon.usedAt)}已使用` : `${formatDate(coupon.expiresAt)}到期`}
      </Text>
    </View>
  )
}
