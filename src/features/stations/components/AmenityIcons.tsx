import { View, Text } from '@tarojs/components'
import { AMENITIES, type Amenity } from '@domain/stations/types'
import './AmenityIcons.scss'

/** One-character icons in a coloured disc: legible on every phone font, no image requests. */
export const AMENITY_ICONS: Record<Amenity, string> = {
  饮水: '水', 热饭: '饭', 充电: '电', 如厕: '厕', 休息: '休', '空调/取暖': '温', 应急药箱: '药', 'Wi-Fi': '网', 换电柜: '换', 图书: '书',
}

export function AmenityIcon({ amenity }: { amenity: Amenity }) {
  return <Text className={`amenity-icon amenity-icon--${AMENITIES.indexOf(amenity)}`}>{AMENITY_ICONS[amenity]}</Text>
}

/** A station's amenities as small icons with their names. */
export function AmenityIcons({ amenities, large = false }: { amenities: Amenity[]; large?: boolean }) {
  return (
    <View className={`amenities${large ? ' amenities--large' : ''}`} data-testid='amenities'>
      {amenities.map((a) => (
        <View key={a} className='amenities__item'>
          <AmenityIcon amenity={a} />
          <Text>{a}</Text>
        </View>
      ))}
    </View>
  )
}
