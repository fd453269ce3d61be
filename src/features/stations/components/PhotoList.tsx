import { useState } from 'react'
import { View, Text, Image } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { MAX_PHOTOS } from '@domain/stations/station'
import { choosePhoto } from '@/platform/upload'
import { tappable } from '@/platform/a11y'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import './StationForm.scss'

/** A station's photos on the upkeep form: add up to six (images only, checked by the cloud), remove any. */
export function PhotoList({ photos, onChange }: { photos: string[]; onChange(photos: string[]): void }) {
  const [message, setMessage] = useState<string | null>(null)
  const { busy, run } = useAction('上传照片', { inline: (failure) => setMessage(failure.message) })
  const add = () =>
    run(async () => {
      setMessage(null)
      const photo = await choosePhoto('station', async (fileId) => (await call('stations', 'registerPhoto', { fileId, purpose: 'station' })).photo)
      if (photo) onChange([...photos, photo])
    })
  return (
    <View className='station-form__photos' data-testid='form-photos'>
      <Text className='station-detail__label'>
        照片（最多 {MAX_PHOTOS} 张，公开显示）
      </Text>
      <View className='station-detail__photos'>
        {photos.map((src, i) => (
          <View key={`${i}-${src}`} className='station-form__photo'>
            <Image className='station-detail__photo' src={src} mode='aspectFill' nativeProps={{ alt: `照片 ${i + 1}` }} />
            <Text className='station-form__remove' {...tappable('button', `删除照片 ${i + 1}`)} onClick={() => onChange(photos.filter((_, k) => k !== i))}>
              删除
            </Text>
          </View>
        ))}
      </View>
      {photos.length < MAX_PHOTOS ? (
        <Button id='form-add-photo' size='small' loading={busy} disabled={busy} onClick={() => void add()}>
          添加照片
        </Button>
      ) : null}
      {message ? (
        <Text className='station-report__message' data-testid='photo-error'>
          {message}
        </Text>
      ) : null}
    </View>
  )
}
