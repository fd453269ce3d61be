import { View, Text } from '@tarojs/components'
import { AMENITIES, STATION_TYPES, TYPE_SHORT, type Amenity, type StationType } from '@domain/stations/types'
import { choosable } from '@/platform/a11y'
import { TypeIcon } from './TypeIcon'

interface Props {
  amenities: Amenity[]
  types: StationType[]
  openNow: boolean
  onToggleAmenity(a: Amenity): void
  onToggleType(t: StationType): void
  onToggleOpenNow(): void
}

/** What I need now: kinds of place (any one chosen), 营业中 and amenity chips (every one chosen must be there). */
export function FilterChips({ amenities, types, openNow, onToggleAmenity, onToggleType, onToggleOpenNow }: Props) {
  return (
    <View data-testid='filter-chips'>
      <View className='chips' data-testid='type-chips' aria-label='场所类型'>
        {STATION_TYPES.map((t, i) => (
          <View key={t} id={`filter-type-${i}`} data-testid={`type-${TYPE_SHORT[t]}`} className={`chips__chip chips__chip--type${types.includes(t) ? ' chips__chip--on' : ''}`} {...choosable('checkbox', types.includes(t), () => onToggleType(t))} aria-label={t}>
            <TypeIcon type={t} />
            <Text>{TYPE_SHORT[t]}</Text>
          </View>
        ))}
      </View>
      <View className='chips'>
        <Text className={`chips__chip${openNow ? ' chips__chip--on' : ''}`} id='filter-open-now' {...choosable('checkbox', openNow, onToggleOpenNow)}>
          营业中
        </Text>
        {AMENITIES.map((a, i) => (
          <Text key={a} id={`filter-amenity-${i}`} data-testid={`filter-${a}`} className={`chips__chip${amenities.includes(a) ? ' chips__chip--on' : ''}`} {...choosable('checkbox', amenities.includes(a), () => onToggleAmenity(a))}>
            {a}
          </Text>
        ))}
      </View>
    </View>
  )
}
