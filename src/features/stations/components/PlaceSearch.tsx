import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { placeLabel, searchPlaces, type Place } from '@domain/stations/places'
import './PlaceSearch.scss'

/** Find a district or city by name (from the bundled gazetteer) and search around its centre. */
export function PlaceSearch({ onChoose }: { onChoose(place: Place): void }) {
  const [text, setText] = useState('')
  const found = searchPlaces(text)
  return (
    <View className='place-search' data-testid='place-search'>
      <Input
        id='place-search-input'
        className='place-search__input'
        value={text}
        placeholder='搜索地名，如 固阳县、赛罕区、杭州'
        confirmType='search'
        onInput={(e) => setText(e.detail.value)}
      />
      {text.trim() && !found.length ? (
        <Text className='place-search__none' data-testid='place-none'>
          没有找到“{text.trim()}”，可以换个写法，或选择下面的城市。
        </Text>
      ) : null}
      {found.length ? (
        <View className='place-search__results'>
          {found.map((p, i) => (
            <Text
              key={`${p.parent}/${p.name}`}
              id={`place-result-${i}`}
              data-testid='place-result'
              className='place-search__result'
              onClick={() => {
                setText('')
                onChoose(p)
              }}
            >
              {placeLabel(p)}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
