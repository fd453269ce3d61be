import { Image, Text } from '@tarojs/components'
import { hasMiniProgramCode, joinLinkFor, joinLinkNote } from '@/platform/joinLink'
import { useCloud } from '@/services/useCloud'
import { QrCode } from './QrCode'

/**
 * A union's join poster. In WeChat: the 小程序码 of the union's code today, from the cloud
 * (wxacode.getUnlimited, made once and cached); anyone's WeChat camera opens the join page with it.
 * While it loads, or if WeChat cannot make it, a plain QR that the app's own 扫码入会 understands
 * stands in, so staff can always print something. On the web (no 小程序码) that QR is the poster: the
 * web join link of the union's code today (an earlier code, already printed, still opens the union).
 */
export function PosterCode({ unionId, code }: { unionId: string; code: string }) {
  const made = useCloud('review', 'joinCode', { unionId }, hasMiniProgramCode)
  const fileId = made.data?.fileId
  if (fileId) {
    return (
      <>
        <Image src={fileId} style={{ width: '280px', height: '280px' }} mode='aspectFit' showMenuByLongpress ariaLabel={`入会小程序码，工会编码 ${code}`} />
        <Text className='join-card__hint'>微信扫一扫，打开入会页面 · 工会编码 {code}</Text>
      </>
    )
  }
  return (
    <>
      <QrCode text={joinLinkFor(code)} size={280} />
      <Text className='join-card__hint'>
        {made.loading ? '正在生成小程序码…' : made.error ? `${made.error.message}；` : ''}
        {joinLinkNote} · 工会编码 {code}
      </Text>
    </>
  )
}
