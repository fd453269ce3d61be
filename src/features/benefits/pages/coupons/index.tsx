import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import type { CouponState } from '@domain/benefits/coupons'
import { useCloud } from '@/services/useCloud'
import { CouponCard } from '../../components/CouponCard'
import '../../benefits.scss'

const TABS: Array<{ key: CouponState; title: string }> = [
  { key: 'active', title: '可使用' },
  { key: 'used', title: '已使用' },
  { key: 'expired', title: '已过期' },
]

/** 我的福利: my coupons in three tabs, judged against the cloud's clock. */
export default function MyCoupons() {
  const mine = useCloud('benefits', 'myCoupons', {})
  const [tab, setTab] = useState<CouponState>('active')
  useDidShow(() => {
    if (mine.data) void mine.reload()
  })
  usePullDownRefresh(() => {
    void mine.reload().finally(() => Taro.stopPullDownRefresh())
  })
  // The cloud judged each coupon's state against its own clock (see couponState).
  const items = mine.data?.items
  const groups = items ? { active: items.filter((c) => c.state === 'active'), used: items.filter((c) => c.state === 'used'), expired: items.filter((c) => c.state === 'expired') } : null
  const shown = groups ? groups[tab] : []

  return (
    <PageShell error={mine.error} loading={mine.loading} hasData={Boolean(mine.data)} onRetry={() => void mine.reload()}>
      {groups ? (
        <View className='bf' data-testid='my-coupons'>
          <View className='bf__chips'>
            {TABS.map((t) => (
              <Text key={t.key} id={`tab-${t.key}`} className={`bf__chip${tab === t.key ? ' bf__chip--on' : ''}`} onClick={() => setTab(t.key)}>
                {t.title} {groups[t.key].length}
              </Text>
            ))}
          </View>
          {shown.length ? (
            shown.map((c) => <CouponCard key={c.id} coupon={c} />)
          ) : (
            <View className='bf__empty' data-testid='coupons-empty'>
              <Text>{tab === 'active' ? '还没有可使用的券' : '这里空空的'}</Text>
              {tab === 'active' ? (
                <Button id='browse-offers' type='primary' onClick={() => Taro.navigateTo({ url: '/features/benefits/pages/list/index' })}>
                  去领福利
                </Button>
              ) : null}
            </View>
          )}
        </View>
      ) : null}
    </PageShell>
  )
}
