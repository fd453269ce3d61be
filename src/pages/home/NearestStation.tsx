import { View, Text } from '@tarojs/components'
import { formatDistance } from '@domain/geo'
import { HOME_LINKS } from '@domain/home'
import { lastLocation } from '@/platform/lastLocation'
import { pressable } from '@/platform/pressable'
import { useCloud } from '@/services/useCloud'
import { openPage } from './open'

/**
 * The nearest station open now, only when the person already shared a location this session (on
 * 驿站地图 or 普惠福利). 首页 never asks for one: without it, this shows nothing.
 */
export function NearestStation() {
  const here = lastLocation()
  const nearby = useCloud('stations', 'nearby', { latitude: here?.lat ?? 0, longitude: here?.lng ?? 0, k: 1, openNow: true }, Boolean(here))
  const station = nearby.data?.stations[0]
  if (!here || !station) return null
  return (
    <View id='home-nearest' className='home__row' {...pressable('link', `最近的营业中驿站：${station.name}，${formatDistance(station.distanceM)}`, () => openPage(HOME_LINKS.station(station.code)))}>
      <Text className='home__row-title'>最近的营业中驿站</Text>
      <Text className='home__row-detail'>
        {station.name} · {formatDistance(station.distanceM)}
      </Text>
    </View>
  )
}
