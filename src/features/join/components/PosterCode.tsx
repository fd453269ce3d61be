import { Text } from '@tarojs/components'
import { joinLinkFor, joinLinkNote } from '@/platform/joinLink'
import { QrCode } from './QrCode'

/** The web poster: a QR of the web join link, drawn on the page (no image to fetch). */
export function PosterCode({ unionId }: { unionId: string }) {
  return (
    <>
      <QrCode text={joinLinkFor(unionId)} size={280} />
      <Text className='join-card__hint'>{joinLinkNote} · 工会编码 {unionId}</Text>
    </>
  )
}
