import { useState } from 'react'
import { View, Text, Image } from '@tarojs/components'
import { tappable } from '@/platform/a11y'
import { previewPhotos } from '@/platform/preview'
import { usePrivatePhoto } from '../usePrivatePhoto'

/**
 * The photo a report came with, in the clerks' queue: a thumbnail that opens full size. Its link is
 * only theirs and may lapse (WeChat's is short-lived): when it does not load, a line says so instead.
 */
export function ReportPhotoThumb({ src, id }: { src: string; id: string }) {
  const photo = usePrivatePhoto(src)
  const [broken, setBroken] = useState(false)
  if (photo.failed || broken) {
    return (
      <Text className='report-queue__photo-missing' data-testid='report-photo-missing'>
        举报照片无法显示（可能已过期），请下拉刷新后再看
      </Text>
    )
  }
  if (!photo.url) {
    return (
      <Text className='report-queue__photo-missing' data-testid='report-photo-loading'>
        举报照片加载中…
      </Text>
    )
  }
  const url = photo.url
  return (
    <View className='report-queue__photo' id={`report-photo-${id}`} {...tappable('button', '举报照片，点按查看大图')} onClick={() => previewPhotos([url], url)}>
      <Image className='report-queue__thumb' src={url} mode='aspectFill' data-testid='report-photo' nativeProps={{ alt: '举报照片' }} onError={() => setBroken(true)} />
    </View>
  )
}
