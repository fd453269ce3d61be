import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { StationSummary } from '@domain/contract'
import { asCloudError, type CloudError } from '@domain/errors'
import { toLatitudeLongitude, type LatLng } from '@domain/geo'
import { FALLBACK_CITIES } from '@domain/stations/types'
import { locate } from '@/platform/location'
import { call } from '@/services/cloud'
import { askPrivacy, hasAgreedCurrent, usePrivacy } from '@/stores/privacy'
import { useStations } from './store'

export interface Origin {
  point: LatLng
  isUser: boolean
  label: string
}

/** 'no-consent': the privacy guide is not agreed to, so the location is not read (a city or place instead). */
export type LocationState = 'locating' | 'located' | 'denied' | 'unavailable' | 'no-consent'

/** A city is bigger than a walk: search wider around its centre than around the person. */
const RADIUS_USER_M = 30_000
const RADIUS_CITY_M = 80_000

/**
 * Where to search from (the person's position, asked once, or a chosen city) and the nearest
 * stations there under the chosen filters. Fresh results are kept (small) for the next visit.
 */
export function useNearby() {
  const { locationDenied, cityKey, place, amenities, types, openNow } = useStations()
  const agreed = usePrivacy(hasAgreedCurrent)
  const [location, setLocation] = useState<LocationState>(locationDenied ? 'denied' : agreed ? 'locating' : 'no-consent')
  const [userPoint, setUserPoint] = useState<LatLng | null>(null)
  const [stations, setStations] = useState<StationSummary[] | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const [loading, setLoading] = useState(false)
  const asked = useRef(false)

  const askLocation = useCallback(async () => {
    asked.current = true
    // The notice first (when not agreed), with the map still showing the city or place chosen.
    if (!(await askPrivacy('location'))) return setLocation('no-consent')
    setLocation('locating')
    const result = await locate()
    if (result.ok) {
      useStations.getState().setLocationDenied(false)
      setUserPoint(result.point)
      setLocation('located')
    } else {
      if (result.reason === 'denied') useStations.getState().setLocationDenied(true)
      setLocation(result.reason)
    }
  }, [])

  // Asked once per visit, not at all after a refusal (the banner offers 重新定位), and never before
  // the privacy guide is agreed to: then only a tap on 定位 asks (the notice first, then the location).
  useEffect(() => {
    if (asked.current || locationDenied || !agreed) return
    void askLocation()
  }, [askLocation, locationDenied, agreed])

  const city = FALLBACK_CITIES.find((c) => c.key === cityKey) ?? null
  const chosen: Origin | null = place
    ? { point: { lat: place.lat, lng: place.lng }, isUser: false, label: `${place.name}附近` }
    : city ? { point: { lat: city.lat, lng: city.lng }, isUser: false, label: `${city.name}市中心附近` } : null
  const origin: Origin | null = location === 'located' && userPoint ? { point: userPoint, isUser: true, label: '我的位置附近' } : location !== 'locating' ? chosen : null

  const originKey = origin ? `${origin.point.lat},${origin.point.lng},${origin.isUser}` : ''
  const filterKey = `${amenities.join('|')}:${types.join('|')}:${openNow}`

  const search = useCallback(async () => {
    if (!origin) return
    setLoading(true)
    setError(null)
    try {
      const result = await call('stations', 'nearby', {
        ...toLatitudeLongitude(origin.point),
        radiusM: origin.isUser ? RADIUS_USER_M : RADIUS_CITY_M,
        k: 30,
        ...(amenities.length ? { amenities } : {}),
        ...(types.length ? { types } : {}),
        ...(openNow ? { openNow: true } : {}),
      })
      setStations(result.stations)
      useStations.getState().keep({ at: result.at, label: origin.label, stations: result.stations })
    } catch (e) {
      const failure = asCloudError(e)
      if (stations || useStations.getState().last) Taro.showToast({ title: failure.message, icon: 'none' })
      else setError(failure)
    } finally {
      setLoading(false)
    }
    // originKey and filterKey stand for origin, amenities, types and openNow.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [originKey, filterKey])

  useEffect(() => {
    void search()
  }, [search])

  return { location, origin, stations, error, loading, search, askLocation }
}
