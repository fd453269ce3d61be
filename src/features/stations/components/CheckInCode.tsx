import { Image, Text } from '@tarojs/components'
import { QrCode } from '@/features/join/components/QrCode'
import { checkInLinkFor, checkInLinkNote } from '@/platform/stationLink'

/**
 * The code on a station's 打卡 poster. In WeChat: the 小程序码 the cloud made (stations.poster),
 * which anyone's WeChat camera opens; long-press saves or sends it. Without one (the web, or WeChat
 * could not make it) a plain QR: on the web the check-in page's link, in WeChat `station=<code>`
 * for 扫码打卡.
 */
export function CheckInCode({ code, fileId }: { code: string; fileId: string | null }) {
  if (fileId) {
    return (
      <>
        <Image src={fileId} className='station-poster__code' mode='aspectFit' showMenuByLongpress ariaLabel={`打卡小程序码，站点编码 ${code}`} />
        <Text className='station-poster__hint'>微信扫一扫打卡 · 长按可保存或转发 · 站点编码 {code}</Text>
      </>
    )
  }
  return (
    <>
      <QrCode text={checkInLinkFor(code)} size={280} />
      <Text className='station-poster__hint'>
        {checkInLinkNote} · 站点编码 {code}
      </Text>
    </>
  )
}
