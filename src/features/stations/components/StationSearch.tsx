import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StationHit } from '@domain/contract'
import type { LatLng } from '@domain/geo'
import type { StationType } from '@domain/stations/types'
import { SEARCH_LIMITS } from '@domain/stations/text-search'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { tappable } from '@/platform/a11y'
import './StationSearch.scss'

export interface Found {
  q: string
  stations: StationHit[]
}

interface Props {
  /** Where the map is: results by distance from it; none, by name. */
  near: LatLng | null
  types: StationType[]
  found: Found | null
  onFound(found: Found | null): void
}

/**
 * 找驿站: stations by name, street or district (the cloud's stations.search). Not the place search
 * (搜索地名), which moves the map to a district: this one lists stations and leaves the map where it is.
 */
export function StationSearch({ near, types, found, onFound }: Props) {
  const [q, setQ] = useState(found?.q ?? '')
  const [message, setMessage] = useState<string | null>(null)
  const { busy, run } = useAction('查找', { inline: (failure) => setMessage(failure.message) })

  const search = async () => {
    const text = q.trim()
    setMessage(null)
    if ([...text].length < SEARCH_LIMITS.minChars) return setMessage(`请至少输入 ${SEARCH_LIMITS.minChars} 个字`)
    await run(async () => {
      const result = await call('stations', 'search', { q: text, ...(near ? { latitude: near.lat, longitude: near.lng } : {}), ...(types.length ? { types } : {}) })
      onFound({ q: text, stations: result.stations })
    })
  }

  return (
    <View className='station-search' data-testid='station-search'>
      <Text className='station-search__label'>找驿站（按名称、街道或地区）</Text>
      <View className='station-search__row'>
        <Input
          id='station-search-input'
          className='station-search__input'
          value={q}
          placeholder='驿站名称或地址，如 环卫、示例路'
          confirmType='search'
          maxlength={SEARCH_LIMITS.maxChars}
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button id='station-search-go' type='primary' loading={busy} disabled={busy} onClick={() => void search()}>
          搜索
        </Button>
      </View>
      {message ? (
        <Text className='station-search__message' data-testid='station-search-message'>
          {message}
        </Text>
      ) : null}
      {found ? (
        <View className='station-search__caption'>
          <Text data-testid='station-search-caption'>
            “{found.q}”：找到 {found.stations.length} 个驿站{near ? '，由近到远' : ''}
          </Text>
          <Text
            id='station-search-clear'
            className='station-search__clear'
            {...tappable('button', '清除搜索，回到附近的驿站')}
            onClick={() => {
              setQ('')
              onFound(null)
            }}
          >
            清除搜索
          </Text>
        </View>
      ) : null}
    </View>
  )
}
