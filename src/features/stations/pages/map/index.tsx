import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { formatAge } from '@domain/stations/age'
import { StationMap } from '@/platform/map'
import { FilterChips } from '../../components/FilterChips'
import { LocationBanner } from '../../components/LocationBanner'
import { StationList } from '../../components/StationList'
import { StationSearch, type Found } from '../../components/StationSearch'
import { useStations } from '../../store'
import { useNearby } from '../../useNearby'
import '../../stations.scss'
import './index.scss'

const openDetail = (code: string) => Taro.navigateTo({ url: `/features/stations/pages/detail/index?code=${encodeURIComponent(code)}` })

/** 驿站地图: the nearest stations on a map and in a list, by position or by city. */
export default function StationsMap() {
  const { amenities, types, openNow, cityKey, last, toggleAmenity, toggleType, toggleOpenNow, chooseCity, choosePlace } = useStations()
  const { location, origin, stations, error, loading, askLocation } = useNearby()
  // A name search's results, shown instead of the nearest until cleared.
  const [found, setFound] = useState<Found | null>(null)
  // Fresh results when there are some; until then the last ones kept, marked with their age.
  const shown = stations ?? last?.stations ?? null
  const stale = !stations && last ? last : null

  return (
    <PageShell public error={error} loading={loading && !shown} hasData={Boolean(shown)} onRetry={() => void askLocation()}>
      <View className='stations'>
        {location === 'denied' || location === 'unavailable' || location === 'no-consent' ? <LocationBanner reason={location} cityKey={cityKey} onChooseCity={chooseCity} onChoosePlace={choosePlace} onRetry={() => void askLocation()} /> : null}
        {location === 'locating' && !shown ? (
          <View className='stations__notice' data-testid='locating'>
            <Text>正在获取你的位置，仅用于查找附近驿站，不会保存。</Text>
          </View>
        ) : null}
        {origin ? (
          <StationMap
            center={origin.point}
            centerIsUser={origin.isUser}
            markers={(found?.stations ?? shown ?? []).map((s) => ({ code: s.code, lat: s.latitude, lng: s.longitude, name: s.name, open: s.openNow }))}
            selected={null}
            onMarkerTap={openDetail}
          />
        ) : null}
        <StationSearch near={origin?.point ?? null} types={types} found={found} onFound={setFound} />
        <FilterChips amenities={amenities} types={types} openNow={openNow} onToggleAmenity={toggleAmenity} onToggleType={toggleType} onToggleOpenNow={toggleOpenNow} />
        <View className='stations__caption'>
          {stale ? (
            <Text className='stations__stale' data-testid='stale-results'>
              {formatAge(stale.at, new Date())}的结果（{stale.label}）{loading || location === 'locating' ? '，正在更新…' : '，暂时无法更新'}
            </Text>
          ) : origin ? (
            <Text data-testid='results-caption'>{origin.label}{loading ? '，更新中…' : ''}</Text>
          ) : location !== 'locating' ? (
            <Text>请选择一个城市，或搜索地名</Text>
          ) : null}
        </View>
        {found ? (
          <StationList stations={found.stations} onOpen={openDetail} empty={`没有找到名称或地址含“${found.q}”的驿站，可以换个写法。`} />
        ) : shown ? (
          <StationList stations={shown} onOpen={openDetail} />
        ) : null}
      </View>
    </PageShell>
  )
}
