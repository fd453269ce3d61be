import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import type { Profile } from '@domain/contract'

const go = (page: string) => Taro.navigateTo({ url: `/features/privacy/pages/${page}/index` })

/** 我的 → 个人信息 (what the union holds, and the person's rights over it); for union staff also the requests to answer. */
export function PrivacyLinks({ profile }: { profile: Profile }) {
  const staff = profile.roles.some((r) => r.kind === 'union_staff')
  return (
    <View className='me__section' data-testid='privacy-links'>
      <View id='me-my-data' onClick={() => go('data')}>
        <Cell title='个人信息' extra='查看、更正、删除、撤回同意、退会' />
      </View>
      {staff ? (
        <View id='me-rights-requests' onClick={() => go('requests')}>
          <Cell title='个人信息请求' extra='会员的更正、删除、退会请求' />
        </View>
      ) : null}
    </View>
  )
}
