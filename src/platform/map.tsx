import { View, Text } from '@tarojs/components'
import { distanceM, formatDistance } from '@/domain/stations/geo'
import type { StationMapProps } from './map-types'
import './map.scss'

export type { MapMarker, StationMapProps } from './map-types'


/**
 * The web build's light map: no remote map script (an offline or blocked one throws a page error
 * and draws nothing). Markers are placed by their east/north offsets from the centre on a square
 * scaled to the farthest one, with a scale bar; enough to see which way and how far.
 */
export function StationMap({ center, centerIsUser, markers, selected, onMarkerTap }: StationMapProps) {
  const cos = Math.cos((center.lat * Math.PI) / 180)
  const offsets = markers.map((m) => ({ m, x: (m.lng - center.lng) * 111_195 * cos, y: (m.lat - center.lat) * 111_195 }))
  const reach = Math.max(300, ...offsets.map((o) => Math.max(Math.abs(o.x), Math.abs(o.y)))) * 1.15
  const pct = (v: number) => `${50 + (v / reach) * 50}%`
  const farthest = markers.length ? Math.max(...markers.map((m) => distanceM(center, m))) : 0
  return (
    <View className='station-map' data-testid='station-map'>
      <View className='station-map__grid' />
      {offsets.map(({ m, x, y }) => (
        <View
          key={m.code}
          className={`station-map__marker${m.open ? '' : ' station-map__marker--closed'}${selected === m.code ? ' station-map__marker--selected' : ''}`}
          style={{ left: pct(x), top: pct(-y) }}
          data-testid='map-marker'
          onClick={() => onMarkerTap(m.code)}
        />
      ))}
      <View className='station-map__me' style={{ left: '50%', top: '50%' }} />
      <Text className='station-map__legend'>{centerIsUser ? '● 你的位置' : '● 城市中心'}{farthest ? `　最远 ${formatDistance(farthest)}` : ''}</Text>
    </View>
  )
}
