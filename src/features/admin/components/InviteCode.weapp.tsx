import { Image, Text } from '@tarojs/components'
import type { InvitationLink } from '@domain/contract'

/**
 * WeChat: the invitation's 小程序码 (made by the cloud with wxacode.getUnlimited, the token as its
 * scene; never kept in cloud storage). Long-press to send or save it. When WeChat could not make
 * one, the page says so: the invitation can be cancelled and made again.
 */
export function InviteCode({ invitation }: { invitation: InvitationLink }) {
  if (!invitation.codePng) {
    return <Text className='adm__problem'>小程序码暂时生成不了。请在“邀请记录”中取消这份邀请，稍后重新邀请。</Text>
  }
  return (
    <>
      <Image src={`data:image/png;base64,${invitation.codePng}`} style={{ width: '260px', height: '260px' }} mode='aspectFit' showMenuByLongpress ariaLabel='邀请小程序码' />
      <Text className='adm__muted'>请对方用微信扫一扫；长按小程序码可转发或保存</Text>
    </>
  )
}
