import { useState } from 'react'
import { Map, View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { toLatitudeLongitude, toLatLng } from '@domain/geo'
import { FALLBACK_CITIES } from '@domain/stations/types'
import markerOpen from '../features/stations/assets/marker-open.png'
import { locate } from './location'
import type { PointPickerProps } from './map-types'

/**
 * WeChat: the clerk taps the station's place on WeChat's own <Map> (GCJ-02, as the station data);
 * a marker shows what is picked. 用我的位置 centres on the phone's position and picks it.
 */
export function PointPicker({ value, onPick }: PointPickerProps) {
  const [note, setNote] = useState<string | null>(null)
  const center = value ?? { lat: FALLBACK_CITIES[0].lat, lng: FALLBACK_CITIES[0].lng }
  const pickMine = async () => {
    setNote(null)
    const found = await locate()
    if (found.ok) onPick(found.point)
    else setNote('暂时无法获取位置，请在地图上点选')
  }
  return (
    <View className='point-picker' data-testid='point-picker'>
      <Map
        id='point-map'
        className='point-picker__map'
        latitude={center.lat}
        longitude={center.lng}
        scale={16}
        markers={value ? [{ id: 1, ...toLatitudeLongitude(value), width: 30, height: 30, iconPath: markerOpen }] : []}
        onTap={(e) => onPick(toLatLng(e.detail))}
        onError={() => setNote('地图暂时无法显示，请用我的位置')}
      />
      <Text className='point-picker__note'>{value ? `已选：${value.lat.toFixed(5)}，${value.lng.toFixed(5)}` : '在地图上点选驿站的位置'}</Text>
      <Button id='point-mine' size='small' onClick={() => void pickMine()}>
        用我的位置
      </Button>
      {note ? <Text className='point-picker__note'>{note}</Text> : null}
    </View>
  )
}
