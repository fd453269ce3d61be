import { View, Text } from '@tarojs/components'
import { AMENITIES, type Amenity } from '@domain/stations/types'
import { choosable } from '@/platform/a11y'

interface Props {
  amenities: Amenity[]
  openNow: boolean
  onToggleAmenity(a: Amenity): void
  onToggleOpenNow(): void
}

/** What I need now: 营业中 and amenity chips; every chip chosen must be there. */
export function FilterChips({ amenities, openNow, onToggleAmenity, onToggleOpenNow }: Props) {
  return (
    <View className='chips' data-testid='filter-chips'>
      <Text className={`chips__chip${openNow ? ' chips__chip--on' : ''}`} id='filter-open-now' {...choosable('checkbox', openNow, onToggleOpenNow)}>
        营业中
      </Text>
      {AMENITIES.map((a, i) => (
        <Text key={a} id={`filter-amenity-${i}`} data-testid={`filter-${a}`} className={`chips__chip${amenities.includes(a) ? ' chips__chip--on' : ''}`} {...choosable('checkbox', amenities.includes(a), () => onToggleAmenity(a))}>
          {a}
        </Text>
      ))}
    </View>
  )
}
