import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { formatDate } from '@/domain/format'
import { useCloud } from '@/services/useCloud'
import './index.scss'

const STATE_TEXT = { active: '请向店员出示此码', used: '已使用', expired: '已过期' }

/**
 * 出示券码: the redeem code large, for the merchant to type, and the signed QR token (id + expiry,
 * valid 10 minutes). The token is shown as text: no QR encoder is among the project's packages yet.
 */
export default function CouponPage() {
  const id = useRouter().params.id ?? ''
  const q = useCloud('benefits', 'coupon', { id }, Boolean(id))
  const data = q.data
  return (
    <PageShell error={q.error} loading={q.loading} hasData={Boolean(data)} onRetry={() => void q.reload()}>
      {data ? (
        <View className='bf' data-testid='coupon'>
          <View className='bf__card'>
            <Text className='bf__title'>{data.coupon.title}</Text>
            <Text className='bf__muted'>{data.coupon.merchantName}</Text>
            <Text className='bf__text' data-testid='coupon-state'>
              {STATE_TEXT[data.coupon.state]}
            </Text>
            <Text className='bf__code' data-testid='redeem-code'>
              {data.coupon.code}
            </Text>
            {data.coupon.reminder ? <Text className='bf__tag bf__tag--warn'>{data.coupon.reminder}</Text> : null}
            <Text className='bf__muted'>
              {data.coupon.state === 'used' && data.coupon.usedAt ? `${formatDate(data.coupon.usedAt)}已核销` : `有效期至${formatDate(data.coupon.expiresAt)}`}
            </Text>
          </View>
          {data.qrToken ? (
            <View className='bf__card'>
              <Text className='bf__muted'>扫码核销内容（10分钟内有效）</Text>
              <Text className='bf__token' data-testid='qr-token' userSelect>
                {data.qrToken}
              </Text>
              <Button id='refresh-token' size='small' onClick={() => void q.reload()}>
                刷新
              </Button>
            </View>
          ) : null}
          <Button id='to-my-coupons' block onClick={() => Taro.redirectTo({ url: '/features/benefits/pages/coupons/index' })}>
            我的福利
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}
