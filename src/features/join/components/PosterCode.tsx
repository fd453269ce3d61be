import { Text } from '@tarojs/components'
import { joinLinkFor, joinLinkNote } from '@/platform/joinLink'
import { QrCode } from './QrCode'

/**
 * The web poster: a QR of the web join link of the union's code today (an earlier code, already
 * printed, still opens the union), drawn on the page (no image to fetch). `unionId` is for the
 * WeChat build's 小程序码 (PosterCode.weapp.tsx).
 */
export function PosterCode({ code }: { unionId: string; code: string }) {
  return (
    <>
      <QrCode text={joinLinkFor(code)} size={280} />
      <Text className='join-card__hint'>{joinLinkNote} · 工会编码 {code}</Text>
    </>
  )
}
