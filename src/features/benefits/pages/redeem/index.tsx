import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { tappable } from '@/platform/a11y'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { chinaClock } from '@domain/benefits/time'
import { MERCHANT_STATUS_NAMES } from '@domain/merchants/merchant'
import { couponFromScan } from '@domain/scan'
import { canScan, scanCode } from '@/platform/scan'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { useCloud } from '@/services/useCloud'
import '../../benefits.scss'

/** 核销 (merchant staff): scan the member's QR or type the redeem code; today's redemptions below. */
export default function Redeem() {
  const today = useCloud('benefits', 'redemptions', {})
  const [code, setCode] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const { busy, run } = useAction('核销', { inline: (failure) => setMessage({ ok: false, text: failure.message }) })

  const redeem = async (value: string) => {
    if (!value.trim()) return setMessage({ ok: false, text: '请输入核销码' })
    await run(async () => {
      const done = await call('benefits', 'redeem', { code: value.trim() })
      setMessage({ ok: true, text: `核销成功：${done.title}（${done.code}）` })
      setCode('')
      await today.reload()
    })
  }

  /** The member's coupon QR (a signed token); a 小程序码 is never a coupon and is refused in words. */
  const scan = async () => {
    const scanned = await scanCode({ cameraOnly: true })
    if (!scanned) return
    const coupon = couponFromScan(scanned)
    if (coupon) await redeem(coupon)
    else setMessage({ ok: false, text: '这不是会员的优惠券码，请让会员打开“我的福利”中的券码' })
  }

  const data = today.data
  return (
    <PageShell error={today.error} loading={today.loading} hasData={Boolean(data)} onRetry={() => void today.reload()}>
      {data ? (
        <View className='bf' data-testid='redeem'>
          <View className='bf__card'>
            <Text className='bf__title'>{data.merchantName}</Text>
            {data.merchantStatus !== 'active' ? (
              <Text className='bf__tag bf__tag--warn' data-testid='merchant-suspended'>
                本店已{MERCHANT_STATUS_NAMES[data.merchantStatus].replace('已', '')}合作，暂不能核销；如有疑问请联系工会
              </Text>
            ) : null}
            <View className='bf__row'>
              <Input id='redeem-input' className='bf__input' placeholder='输入8位核销码' value={code} maxlength={600} onInput={(e) => setCode(e.detail.value)} onConfirm={() => void redeem(code)} />
            </View>
            <View className='bf__row'>
              <Button id='redeem-btn' className='bf__action' type='primary' loading={busy} onClick={() => void redeem(code)}>
                核销
              </Button>
              {canScan ? (
                <Button id='scan-btn' className='bf__action' onClick={() => void scan()}>
                  扫码核销
                </Button>
              ) : null}
            </View>
            {message ? (
              <Text className={`bf__banner bf__banner--${message.ok ? 'ok' : 'error'}`} data-testid={message.ok ? 'redeem-ok' : 'redeem-error'} {...({ role: message.ok ? 'status' : 'alert' } as object)}>
                {message.ok ? '✓ ' : '✕ '}
                {message.text}
              </Text>
            ) : null}
          </View>
          <View id='redeem-open-check' className='bf__card' {...tappable('link', '会员核验，只核验会员身份、不核销券时，用电子会员证核验')} onClick={() => void Taro.navigateTo({ url: '/features/check/pages/index/index' })}>
            <Text className='bf__text'>会员核验 ›</Text>
            <Text className='bf__muted'>只核验会员身份、不核销券时，用电子会员证核验</Text>
          </View>
          <Text className='bf__section'>今日核销（{data.day}）共 {data.items.length} 张</Text>
          {data.items.length ? (
            data.items.map((item) => (
              <View key={item.couponId} className='bf__card' data-testid='redemption'>
                <View className='bf__row'>
                  <Text className='bf__text'>{item.title}</Text>
                  <Text className='bf__muted'>{chinaClock(new Date(item.usedAt))}</Text>
                </View>
                <Text className='bf__muted'>核销码 {item.code}</Text>
              </View>
            ))
          ) : (
            <View className='bf__card' data-testid='redemptions-empty'>
              <Text className='bf__muted'>今天还没有核销记录。核销成功的券会列在这里。</Text>
            </View>
          )}
        </View>
      ) : null}
    </PageShell>
  )
}
