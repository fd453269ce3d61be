import { useEffect, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { LatLng } from '@domain/geo'
import { FALLBACK_CITIES } from '@domain/stations/types'
import type { TileSource } from '@domain/stations/map-tiles'
import { lastLocation } from './lastLocation'
import { locate } from './location'
import { mapTileSource } from './map-tiles'
import type { PointPickerProps } from './map-types'
import { useLazyModule } from './useLazyModule'
import './point-picker-map.scss'

const shown = (n: number | undefined) => (n === undefined ? '' : String(Number(n.toFixed(6))))

/**
 * The web build: the point typed as latitude and longitude (GCJ-02, as a map app copies it), or
 * 用我的位置 (the browser's, turned into GCJ-02 by locate). When the operator configured map tiles
 * (MAP_TILE_URL, map-tiles.ts) a map above them picks it too, and shows it; without, no map and no
 * remote request. Only a pair of numbers is picked; the cloud judges whether it is in China, as it
 * does for an imported row. For the keyboard and screen readers the typed fields are the full way;
 * the map's pin also moves with the arrow keys.
 */
export function PointPicker({ value, onPick }: PointPickerProps) {
  const source = mapTileSource()
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
      {source ? <TiledPicker source={source} value={value} onPick={onPick} /> : null}
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

const loadLeafletPicker = () => import(/* webpackChunkName: "map-leaflet" */ './point-picker-leaflet')

/**
 * The map part, when tiles are configured: Leaflet comes in the map-leaflet chunk, as on the
 * stations map. Until it arrives a box that says so; if it cannot be fetched, a note (the typed
 * fields still work). The picked point is repeated as text, read out when it changes.
 */
function TiledPicker({ source, value, onPick }: PointPickerProps & { source: TileSource }) {
  const loaded = useLazyModule(loadLeafletPicker)
  const start = lastLocation() ?? FALLBACK_CITIES[0]
  return (
    <View className='point-picker-map__frame'>
      {loaded === 'failed' ? (
        <Text className='point-picker__note'>地图暂时无法显示，请直接填写经纬度或用我的位置</Text>
      ) : loaded ? (
        <loaded.default source={source} start={{ lat: start.lat, lng: start.lng }} value={value} onPick={onPick} />
      ) : (
        <View className='point-picker-map point-picker-map--loading' data-testid='picker-map-loading'>
          <Text>地图加载中…</Text>
        </View>
      )}
      <Text className='point-picker-map__picked' data-testid='picker-point' aria-live='polite'>
        {value ? `已选：纬度 ${value.lat.toFixed(6)}，经度 ${value.lng.toFixed(6)}` : '尚未选点'}
      </Text>
      <Text className='point-picker__note'>点按地图上驿站所在的地方，或拖动标记；用键盘时 Tab 到标记，按方向键移动（按住 Shift 移得更远），也可直接填写下面的纬度和经度。</Text>
    </View>
  )
}
