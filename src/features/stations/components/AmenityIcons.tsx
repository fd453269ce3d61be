import { View, Text } from '@tarojs/components'
import type { Amenity } from '@/domain/stations/types'
import './AmenityIcons.scss'

export const AMENITY_ICONS: Record<Amenity, string> = {
  饮水: '💧', 热饭: '🍱', 充电: '🔌', 如厕: '🚻', 休息: '🛋', '空调/取暖': '❄', 应急药箱: '💊', 'Wi-Fi': '📶', 换电柜: '🔋', 图书: '📚',
}

/** A station's amenities as small icons with their names. */
export function AmenityIcons({ amenities, large = false }: { amenities: Amenity[]; large?: boolean }) {
  return (
    <View className={`amenities${large ? ' amenities--large' : ''}`} data-testid='amenities'>
      {amenities.map((a) => (
        <Text key={a} className='amenities__item'>
          {AMENITY_ICONS[a]} {a}
        </Text>
      ))}
    </View>
  )
}
