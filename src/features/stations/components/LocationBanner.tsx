import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Place } from '@domain/stations/places'
import { FALLBACK_CITIES } from '@domain/stations/types'
import { canOpenSettings, openLocationSettings, REENABLE_HINT } from '@/platform/location'
import { PlaceSearch } from './PlaceSearch'
import './LocationBanner.scss'

interface Props {
  reason: 'denied' | 'unavailable' | 'no-consent'
  cityKey: string | null
  onChooseCity(key: string): void
  onChoosePlace(place: Place): void
  onRetry(): void
}

const TITLE = { denied: '未获得位置权限', unavailable: '暂时无法获取你的位置', 'no-consent': '未读取你的位置' }
const HINT = {
  denied: REENABLE_HINT,
  unavailable: '可以先选择城市或搜索地名查看驿站，稍后点“重新定位”。',
  'no-consent': '你还没有同意隐私保护指引，所以没有读取位置。可以选择城市或搜索地名查看驿站；点“定位”并同意后，按你的位置查找。',
}

/**
 * Location refused, unavailable, or not asked because the privacy guide is not agreed to: the page
 * still works by city or place name, and says how to use the location after all.
 */
export function LocationBanner({ reason, cityKey, onChooseCity, onChoosePlace, onRetry }: Props) {
  return (
    <View className='location-banner' data-testid='location-banner' data-reason={reason}>
      <Text className='location-banner__title'>{TITLE[reason]}</Text>
      <Text className='location-banner__hint'>{HINT[reason]}</Text>
      <PlaceSearch onChoose={onChoosePlace} />
      <View className='location-banner__cities'>
        {FALLBACK_CITIES.map((c) => (
          <Text key={c.key} id={`city-${c.key}`} className={`chips__chip${cityKey === c.key ? ' chips__chip--on' : ''}`} onClick={() => onChooseCity(c.key)}>
            {c.name}
          </Text>
        ))}
      </View>
      <View className='location-banner__actions'>
        {canOpenSettings && reason === 'denied' ? (
          <Button size='small' onClick={openLocationSettings}>
            去设置
          </Button>
        ) : null}
        <Button size='small' id='relocate' onClick={onRetry}>
          {reason === 'no-consent' ? '定位' : '重新定位'}
        </Button>
      </View>
    </View>
  )
}
