import { View, Text } from '@tarojs/components'
import type { StationSummary } from '@domain/contract'
import { formatDistance } from '@domain/geo'
import { AmenityIcons } from './AmenityIcons'
import { OpenTag } from './OpenTag'

/** Stations nearest first, with distance, 营业中/已打烊 and what they offer. */
export function StationList({ stations, onOpen }: { stations: StationSummary[]; onOpen(code: string): void }) {
  if (!stations.length) {
    return (
      <View className='station-list__empty' data-testid='no-stations'>
        <Text>附近没有符合条件的驿站。可以减少筛选条件，或换一个城市。</Text>
      </View>
    )
  }
  return (
    <View className='station-list' data-testid='station-list'>
      {stations.map((s) => (
        <View key={s.code} className='station-list__row' data-testid='station-row' data-code={s.code} onClick={() => onOpen(s.code)}>
          <View className='station-list__head'>
            <Text className='station-list__name'>{s.name}</Text>
            <Text className='station-list__distance'>{formatDistance(s.distanceM)}</Text>
          </View>
          <View className='station-list__meta'>
            <OpenTag open={s.openNow} />
            <Text className='station-list__type'>{s.allDay ? '24小时 · ' : ''}{s.type}</Text>
          </View>
          <Text className='station-list__address'>{s.address}</Text>
          <AmenityIcons amenities={s.amenities} />
        </View>
      ))}
    </View>
  )
}
