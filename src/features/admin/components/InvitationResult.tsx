import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { grantText } from '@domain/admin/invite'
import type { InvitationItem, InvitationLink } from '@domain/contract'
import { formatDateTime } from '@domain/format'
import { InviteCode } from './InviteCode'

/**
 * A fresh invitation: what it grants, its QR (or 小程序码) and link, until when. The token is shown
 * only here and only now (the cloud keeps a hash of it); leaving the page loses it, so the text says so.
 */
export function InvitationResult({ invitation, item, onDone }: { invitation: InvitationLink; item: InvitationItem; onDone: () => void }) {
  return (
    <View className='adm__card' data-testid='invitation-result'>
      <Text className='adm__label'>邀请已生成</Text>
      <Text className='adm__title'>{grantText(item.grants).title}</Text>
      {item.unionPath.length > 1 ? <Text className='adm__muted'>{item.unionPath.join(' › ')}</Text> : null}
      <View className='adm__qr'>
        <InviteCode invitation={invitation} />
      </View>
      <Text className='adm__notice'>有效期至 {formatDateTime(invitation.expiresAt)}，只能使用一次。二维码只显示这一次：离开后如需再发，请在“邀请记录”中取消，再重新邀请。</Text>
      <Button id='invitation-done' className='adm__action' block onClick={onDone}>
        完成
      </Button>
    </View>
  )
}
