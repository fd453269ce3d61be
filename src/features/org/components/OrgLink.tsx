import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import type { Profile } from '@/domain/contract'

/** 我的 → 组织管理, for union staff: the unions below theirs, to add, edit and close. */
export function OrgLink({ profile }: { profile: Profile }) {
  if (!profile.roles.some((role) => role.kind === 'union_staff')) return null
  return (
    <View className='me__section'>
      <View id='open-org' ariaRole='button' ariaLabel='组织管理：新增、修改、撤销下级工会' onClick={() => void Taro.navigateTo({ url: '/features/org/pages/index/index' })}>
        <Cell title='组织管理' extra='新增、修改、撤销下级工会' />
      </View>
    </View>
  )
}
