import { View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { Profile } from '@domain/contract'

const open = (url: string) => () => Taro.navigateTo({ url })

/** On 我的: a member's 转会, and union staff's queue of transfers to release or accept. */
export function TransferEntry({ profile }: { profile: Profile }) {
  const isStaff = profile.roles.some((role) => role.kind === 'union_staff')
  if (!profile.membership && !isStaff) return null
  // NutUI's Cell does not pass an id through: the View around it carries the id and the tap.
  return (
    <View className='me__section'>
      {profile.membership ? (
        <View id='open-transfer' onClick={open('/features/transfer/pages/status/index')}>
          <Cell title='转会（换工作、转入属地工会）' extra='会籍接转' clickable />
        </View>
      ) : null}
      {isStaff ? (
        <View id='open-transfer-queue' onClick={open('/features/transfer/pages/queue/index')}>
          <Cell title='转会待办' extra='放行 / 接收' clickable />
        </View>
      ) : null}
    </View>
  )
}
