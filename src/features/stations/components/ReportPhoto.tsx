import { useEffect, useRef, useState } from 'react'
import { View, Text, Image } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { needsDemoLogin } from '@/platform/login'
import { releasePrivatePhoto } from '@/platform/privatePhoto'
import { choosePhoto } from '@/platform/upload'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { useSession } from '@/stores/session'
import './ReportPhoto.scss'

/**
 * 添加照片 on a report: one, optional, seen only by the managing union's clerks. Only a signed-in
 * sender may attach one (the cloud takes none from an anonymous report: nobody could be limited);
 * signed out on the web, it says so with a way to sign in and come back. A failed upload keeps the
 * photo that was there (or none) and says why; the rest of the report is the page's and stays.
 */
export function ReportPhoto({ photo, onChange, onUploading, onSignIn }: { photo: string | null; onChange(photo: string | null): void; onUploading(uploading: boolean): void; onSignIn(): void }) {
  const token = useSession((s) => s.token)
  const [preview, setPreview] = useState<string | null>(null)
  // The picture of the photo the report holds: shown again when a replacement fails.
  const kept = useRef<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const { busy, run } = useAction('上传照片', {
    inline: (failure) => {
      setMessage(failure.message)
      setPreview(kept.current)
    },
  })
  // The report waits for its photo: sent meanwhile, it would go without it.
  useEffect(() => onUploading(busy), [busy, onUploading])
  // Leaving the page frees the picture (web: a blob: URL holding the photo).
  useEffect(
    () => () => {
      if (kept.current) releasePrivatePhoto(kept.current)
    },
    [],
  )

  if (needsDemoLogin && !token) {
    return (
      <View className='report-photo' data-testid='report-photo-signed-out'>
        <Text className='station-detail__label'>照片（选填）：附照片需要先登录，登录后回到这里添加；不登录也可以只写文字反馈。</Text>
        <Button id='report-photo-sign-in' size='small' onClick={onSignIn}>
          登录后添加照片
        </Button>
      </View>
    )
  }

  const pick = () =>
    run(async () => {
      setMessage(null)
      let picked: string | null = null
      const register = async (fileId: string) => (await call('stations', 'registerPhoto', { fileId, purpose: 'report' })).photo
      let stored: string | null
      try {
        stored = await choosePhoto('report', register, {
          onPicked: (p) => {
            picked = p
            setPreview(p)
          },
        })
      } catch (error) {
        if (picked) releasePrivatePhoto(picked)
        throw error
      }
      if (!stored || !picked) return
      if (kept.current) releasePrivatePhoto(kept.current)
      kept.current = picked
      onChange(stored)
    })
  const remove = () => {
    if (kept.current) releasePrivatePhoto(kept.current)
    kept.current = null
    setPreview(null)
    setMessage(null)
    onChange(null)
  }

  return (
    <View className='report-photo' data-testid='report-photo'>
      <Text className='station-detail__label'>照片（选填，1 张，只有管理这个驿站的工会工作人员能看到）</Text>
      {preview ? <Image className='report-photo__preview' src={preview} mode='aspectFill' nativeProps={{ alt: busy ? '正在上传的照片' : '已添加的照片' }} /> : null}
      {busy ? (
        <Text className='station-detail__label' data-testid='report-photo-uploading' aria-live='polite'>
          上传中…
        </Text>
      ) : null}
      <View className='report-photo__actions'>
        {photo && !busy ? (
          <Button id='report-photo-remove' size='small' onClick={remove}>
            删除照片
          </Button>
        ) : null}
        <Button id='report-photo-pick' size='small' loading={busy} disabled={busy} onClick={() => void pick()}>
          {photo ? '重新选择' : '添加照片'}
        </Button>
      </View>
      {message ? (
        <Text className='station-report__message' data-testid='report-photo-error'>
          {message}
        </Text>
      ) : null}
    </View>
  )
}
