import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import type { Profile } from '@domain/contract'

const go = (page: string) => Taro.navigateTo({ url: `/features/benefits/pages/${page}/index` })

/** 我的 → 我的福利, and for merchant staff 核销, for union staff 福利管理. */
export function MeLinks({ profile }: { profile: Profile }) {
  const merchant = profile.roles.some((r) => r.kind === 'merchant_staff')
  const staff = profile.roles.some((r) => r.kind === 'union_staff')
  return (
    <View className='me__section' data-testid='benefits-links'>
      <View id='me-my-coupons' onClick={() => go('coupons')}>
        <Cell title='我的福利' extra='领到的券' />
      </View>
      {merchant ? (
        <View id='me-redeem' onClick={() => go('redeem')}>
          <Cell title='核销' extra='扫码或输入核销码' />
        </View>
      ) : null}
      {staff ? (
        <View id='me-manage-offers' onClick={() => go('manage')}>
          <Cell title='福利管理' extra='新增、修改、暂停' />
        </View>
      ) : null}
    </View>
  )
}
