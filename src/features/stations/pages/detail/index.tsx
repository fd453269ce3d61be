import { View, Text, Image } from '@tarojs/components'
import { useRef } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { STATUS_NAMES } from '@domain/stations/types'
import { HELPFUL_DAYS } from '@domain/stations/reports'
import { navigateTo } from '@/platform/navigate'
import { previewPhotos } from '@/platform/preview'
import { shareStation } from '@domain/share'
import { useCloud } from '@/services/useCloud'
import { useShare } from '@/services/useShare'
import { AmenityIcons } from '../../components/AmenityIcons'
import { HelpfulButton } from '../../components/HelpfulButton'
import { StationCheckIns } from '../../components/StationCheckIns'
import { StationEditor } from '../../components/StationEditor'
import { StationHeading } from '../../components/StationHeading'
import '../../stations.scss'
import './index.scss'

/** One station: what it offers, when it is open, call it, go there. */
export default function StationDetailPage() {
  const code = useRouter().params.code ?? ''
  const detail = useCloud('stations', 'get', { code }, Boolean(code))
  const s = detail.data
  useShare(shareStation(code, s?.name ?? '驿站详情'))
  // Back from 反馈问题 (or anywhere): show what changed meanwhile, e.g. the report's warning.
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current) void detail.reload()
    shownOnce.current = true
  })

  return (
    <PageShell public missing={!code} error={detail.error} loading={detail.loading} hasData={Boolean(s)} onRetry={() => void detail.reload()}>
      {s ? (
        <View className='station-detail' data-testid='station-detail'>
          <View className='station-detail__section'>
            <StationHeading s={s} />
            {s.warnings.map((w) => (
              <Text key={w} className='station-warning' data-testid='station-warning'>
                {w}
              </Text>
            ))}
            <Text className='station-detail__text'>{s.address}</Text>
            <View className='station-detail__actions'>
              <Button type='primary' id='go-there' onClick={() => navigateTo({ lat: s.latitude, lng: s.longitude }, s.name, s.address)}>
                去这里
              </Button>
              {s.phone ? (
                <Button id='call-station' onClick={() => void Taro.makePhoneCall({ phoneNumber: s.phone })}>
                  打电话 {s.phone}
                </Button>
              ) : null}
            </View>
          </View>
          <View className='station-detail__section'>
            <Text className='station-detail__label'>服务设施</Text>
            <AmenityIcons amenities={s.amenities} large />
          </View>
          <View className='station-detail__section' data-testid='station-hours'>
            <Text className='station-detail__label'>营业时间</Text>
            {s.hoursText.map((line) => (
              <Text key={line} className='station-detail__text'>
                {line}
              </Text>
            ))}
          </View>
          {s.photos.length ? (
            <View className='station-detail__section'>
              <Text className='station-detail__label'>照片</Text>
              <View className='station-detail__photos' data-testid='station-photos'>
                {s.photos.map((src, i) => (
                  <Image key={`${i}-${src}`} id={`station-photo-${i}`} className='station-detail__photo' src={src} mode='aspectFill' lazyLoad nativeProps={{ alt: `${s.name}的照片 ${i + 1}` }} onClick={() => previewPhotos(s.photos, src)} />
                ))}
              </View>
            </View>
          ) : null}
          <View className='station-detail__section' data-testid='station-feedback'>
            <Text className='station-detail__text' data-testid='helpful-count'>
              近{HELPFUL_DAYS}天 {s.helpfulRecent} 人觉得有用 · 最近核实 {s.verifiedOn}
            </Text>
            <View className='station-helpful'>
              {s.status !== 'closed' ? <HelpfulButton code={s.code} given={s.helpfulToday} onGiven={() => void detail.reload()} /> : null}
              {s.status !== 'closed' ? (
                <Button id='report-problem' onClick={() => void Taro.navigateTo({ url: `/features/stations/pages/report/index?code=${encodeURIComponent(s.code)}` })}>
                  反馈问题
                </Button>
              ) : null}
            </View>
          </View>
          <View className='station-detail__section'>
            <Text className='station-detail__label'>管理单位</Text>
            <Text className='station-detail__text'>{s.unionName || '—'}</Text>
            {/* The verified date is said once, beside 有用 above. */}
            <Text className='station-detail__label'>{STATUS_NAMES[s.status]}</Text>
          </View>
          <StationCheckIns code={s.code} status={s.status} staff={s.canEdit} />
          {s.canEdit ? (
            <Button id='edit-station-all' block onClick={() => void Taro.navigateTo({ url: `/features/stations/pages/edit/index?code=${encodeURIComponent(s.code)}` })}>
              修改驿站全部信息（位置、照片、暂停或撤销）
            </Button>
          ) : null}
          {s.canEdit ? <StationEditor station={s} onSaved={() => void detail.reload()} /> : null}
        </View>
      ) : null}
    </PageShell>
  )
}
