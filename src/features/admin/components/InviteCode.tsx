import { Text } from '@tarojs/components'
import type { InvitationLink } from '@domain/contract'
import { QrCode } from '@/features/join/components/QrCode'

/**
 * The web build: a QR of the invitation's web link, drawn on the page, and the link itself to
 * send. It carries only the random token: nothing about the person invited.
 */
export function InviteCode({ invitation }: { invitation: InvitationLink }) {
  const link = `${typeof window !== 'undefined' && window.location ? window.location.origin : ''}${invitation.webPath}`
  return (
    <>
      <QrCode text={link} size={260} />
      <Text className='adm__muted'>用手机相机或微信扫一扫打开，或把下面的链接发给对方：</Text>
      <Text className='adm__link' data-testid='invite-link' selectable>
        {link}
      </Text>
    </>
  )
}
