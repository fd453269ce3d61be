import { View, Text } from '@tarojs/components'
import type { StationHit, StationSummary } from '@domain/contract'
import { formatDistance } from '@domain/geo'
import { AmenityIcons } from './AmenityIcons'
import { OpenTag } from './OpenTag'
import { TypeIcon } from './TypeIcon'
import './StationList.scss'

/** Stations nearest first (a name search's may have no distance), with 营业中/已打烊, their kind and what they offer. */
export function StationList({ stations, onOpen, empty = '附近没有符合条件的驿站。可以减少筛选条件，或换一个城市。' }: { stations: Array<StationSummary | StationHit>; onOpen(code: string): void; empty?: string }) {
  if (!stations.length) {
    return (
      <View className='station-list__empty' data-testid='no-stations'>
        <Text>{empty}</Text>
      </View>
    )
  }
  return (
    <View className='station-list' data-testid='station-list'>
      {stations.map((s) => (
        <View key={s.code} className='station-list__row' data-testid='station-row' data-code={s.code} onClick={() => onOpen(s.code)}>
          <View className='station-list__head'>
            <Text className='station-list__name'>{s.name}</Text>
            {s.distanceM !== null ? <Text className='station-list__distance'>{formatDistance(s.distanceM)}</Text> : null}
          </View>
          <View className='station-list__meta'>
            <OpenTag open={s.openNow} />
            <TypeIcon type={s.type} />
            <Text className='station-list__type'>{s.allDay ? '24小时 · ' : ''}{s.type}</Text>
          </View>
          <Text className='station-list__address'>{s.address}</Text>
          <AmenityIcons amenities={s.amenities} />
        </View>
      ))}
    </View>
  )
}
