import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { formatDate } from '@domain/format'
import { useCloud } from '@/services/useCloud'
// The join feature's QR drawn with views (the same file as on main, where join landed first).
import { QrCode } from '@/features/join/components/QrCode'
import '../../benefits.scss'

const STATE_TEXT = { active: '请向店员出示此码', used: '已使用', expired: '已过期' }

/**
 * 出示券码: the redeem code large, for the merchant to type, and a QR of the signed token (coupon id
 * + expiry, valid 10 minutes) for the merchant to scan. The token itself is never printed: a merchant
 * without a scanner types the short code.
 */
export default function CouponPage() {
  const id = useRouter().params.id ?? ''
  const q = useCloud('benefits', 'coupon', { id }, Boolean(id))
  const data = q.data
  return (
    <PageShell missing={!id} error={q.error} loading={q.loading} hasData={Boolean(data)} onRetry={() => void q.reload()}>
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
              <Text className='bf__muted'>请店员扫码核销（10分钟内有效）</Text>
              <View className='bf__qr'>
                <QrCode text={data.qrToken} size={220} />
              </View>
              <Button id='refresh-token' className='bf__action' block ariaLabel='刷新核销二维码' onClick={() => void q.reload()}>
                刷新二维码
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
