import { Text } from '@tarojs/components'
import { STATION_TYPES, type StationType } from '@domain/stations/types'
import { decorative } from '@/platform/a11y'
import './AmenityIcons.scss'

/** One character per kind of place, in a disc like the amenity icons; the kind's name is always written beside it. */
export const TYPE_ICONS: Record<StationType, string> = {
  户外劳动者服务站点: '驿',
  环卫工人爱心驿站: '环',
  爱心妈咪小屋: '婴',
  职工之家: '家',
  困难职工帮扶中心: '帮',
  法律援助点: '法',
  职工书屋: '书',
  心理咨询室: '心',
}

export function TypeIcon({ type }: { type: StationType }) {
  return (
    <Text className={`type-icon type-icon--${STATION_TYPES.indexOf(type)}`} {...decorative}>
      {TYPE_ICONS[type]}
    </Text>
  )
}
