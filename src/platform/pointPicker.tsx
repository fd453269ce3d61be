import { useEffect, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { LatLng } from '@domain/geo'
import { locate } from './location'
import type { PointPickerProps } from './map-types'

const shown = (n: number | undefined) => (n === undefined ? '' : String(Number(n.toFixed(6))))

/**
 * The web build: the point typed as latitude and longitude (GCJ-02, as a map app copies it), or
 * 用我的位置 (the browser's, turned into GCJ-02 by locate). Only a pair of numbers is picked; the
 * cloud judges whether it is in China, as it does for an imported row.
 */
export function PointPicker({ value, onPick }: PointPickerProps) {
  const [lat, setLat] = useState(shown(value?.lat))
  const [lng, setLng] = useState(shown(value?.lng))
  const [note, setNote] = useState<string | null>(null)
  useEffect(() => {
    setLat(shown(value?.lat))
    setLng(shown(value?.lng))
  }, [value?.lat, value?.lng])

  const typed = (nextLat: string, nextLng: string) => {
    setLat(nextLat)
    setLng(nextLng)
    const point: LatLng = { lat: Number(nextLat), lng: Number(nextLng) }
    if (nextLat.trim() && nextLng.trim() && Number.isFinite(point.lat) && Number.isFinite(point.lng)) onPick(point)
  }
  const pickMine = async () => {
    setNote(null)
    const found = await locate()
    if (found.ok) onPick(found.point)
    else setNote(found.reason === 'denied' ? '没有位置权限，请直接填写经纬度' : '暂时无法获取位置，请直接填写经纬度')
  }

  return (
    <View className='point-picker' data-testid='point-picker'>
      <View className='point-picker__row'>
        <Input id='point-lat' className='point-picker__input' type='digit' placeholder='纬度，如 40.8424' aria-label='纬度' value={lat} onInput={(e) => typed(e.detail.value, lng)} />
        <Input id='point-lng' className='point-picker__input' type='digit' placeholder='经度，如 111.7490' aria-label='经度' value={lng} onInput={(e) => typed(lat, e.detail.value)} />
      </View>
      <Button id='point-mine' size='small' onClick={() => void pickMine()}>
        用我的位置
      </Button>
      {note ? <Text className='point-picker__note'>{note}</Text> : null}
    </View>
  )
}
