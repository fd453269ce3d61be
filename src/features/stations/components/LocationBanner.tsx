import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Place } from '@/domain/stations/places'
import { FALLBACK_CITIES } from '@/domain/stations/types'
import { canOpenSettings, openLocationSettings, REENABLE_HINT } from '@/platform/location'
import { PlaceSearch } from './PlaceSearch'

interface Props {
  reason: 'denied' | 'unavailable'
  cityKey: string | null
  onChooseCity(key: string): void
  onChoosePlace(place: Place): void
  onRetry(): void
}

/** Location refused or unavailable: the page still works by city or place name, and says how to turn location back on. */
export function LocationBanner({ reason, cityKey, onChooseCity, onChoosePlace, onRetry }: Props) {
  return (
    <View className='location-banner' data-testid='location-banner'>
      <Text className='location-banner__title'>{reason === 'denied' ? '未获得位置权限' : '暂时无法获取你的位置'}</Text>
      <Text className='location-banner__hint'>{reason === 'denied' ? REENABLE_HINT : '可以先选择城市或搜索地名查看驿站，稍后点“重新定位”。'}</Text>
      <PlaceSearch onChoose={onChoosePlace} />
      <View className='location-banner__cities'>
        {FALLBACK_CITIES.map((c) => (
          <Text key={c.key} id={`city-${c.key}`} className={`chips__chip${cityKey === c.key ? ' chips__chip--on' : ''}`} onClick={() => onChooseCity(c.key)}>
            {c.name}
          </Text>
        ))}
      </View>
      <View className='location-banner__actions'>
        {canOpenSettings ? (
          <Button size='small' onClick={openLocationSettings}>
            去设置
          </Button>
        ) : null}
        <Button size='small' id='relocate' onClick={onRetry}>
          重新定位
        </Button>
      </View>
    </View>
  )
}
