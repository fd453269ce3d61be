import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { OFFER_CATEGORIES, OFFER_CITIES, type OfferCategory, type OfferCity } from '@domain/benefits/categories'
import { locate } from '@/platform/location'
import { toLatitudeLongitude, type LatitudeLongitude, type LatLng } from '@domain/geo'
import { usePagedList } from '@/services/usePagedList'
import { ChipRow } from '../../components/ChipRow'
import { OfferCard } from '../../components/OfferCard'
import '../../benefits.scss'

interface Filters {
  category?: OfferCategory
  city?: OfferCity
  q?: string
  near?: LatitudeLongitude
}

/**
 * 普惠福利: category tabs, city chips, search; newest first, or nearest store first once the
 * member taps 离我最近 (only then is the location asked for, once); one page at a time by cursor.
 */
export default function OfferList() {
  const [filters, setFilters] = useState<Filters>({})
  const [origin, setOrigin] = useState<LatLng | null>(null)
  const [locating, setLocating] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const [typed, setTyped] = useState('')
  // One list per filter: an answer for filters already left behind is dropped (usePagedList), so a
  // slow first page can never overwrite the category tapped after it.
  const list = usePagedList('benefits', 'list', filters)
  const { items, nextCursor: cursor } = list
  // Once a list has been shown, the search and the chips stay while another filter loads.
  const [shownOnce, setShownOnce] = useState(false)
  if (items && !shownOnce) setShownOnce(true)
  const more = () => void list.loadMore()
  useReachBottom(more)

  const search = () => setFilters((f) => ({ ...f, q: typed.trim() || undefined }))

  const sortNear = async () => {
    if (filters.near || locating) return
    setNote(null)
    if (origin) return setFilters((f) => ({ ...f, near: toLatitudeLongitude(origin) }))
    setLocating(true)
    const result = await locate()
    setLocating(false)
    if (result.ok) {
      setOrigin(result.point)
      setFilters((f) => ({ ...f, near: toLatitudeLongitude(result.point) }))
    } else {
      const notes = { denied: '没有获得位置权限，仍按最新排序。', unavailable: '暂时无法获取位置，仍按最新排序。', 'no-consent': '未同意隐私保护指引，没有读取位置，仍按最新排序。' }
      setNote(notes[result.reason])
    }
  }
  const sortNewest = () => {
    setNote(null)
    setFilters(({ near: _near, ...f }) => f)
  }

  return (
    <PageShell error={list.error} loading={list.loading} hasData={items !== null || shownOnce} onRetry={() => void list.reload()}>
      <View className='bf' data-testid='offer-list'>
        <View className='bf__row'>
          <Input id='offer-search' className='bf__input' placeholder='搜索福利或商户' value={typed} confirmType='search' onInput={(e) => setTyped(e.detail.value)} onConfirm={search} />
          <Button id='offer-search-btn' size='small' type='primary' onClick={search}>
            搜索
          </Button>
        </View>
        <View className='bf__chips'>
          <Text id='sort-newest' className={`bf__chip${filters.near ? '' : ' bf__chip--on'}`} onClick={sortNewest}>
            最新
          </Text>
          <Text id='sort-near' className={`bf__chip${filters.near ? ' bf__chip--on' : ''}`} onClick={() => void sortNear()}>
            {locating ? '正在定位…' : '离我最近'}
          </Text>
        </View>
        {note ? (
          <Text className='bf__muted' data-testid='sort-note'>
            {note}
          </Text>
        ) : null}
        <ChipRow idPrefix='cat' allText='全部' values={OFFER_CATEGORIES} current={filters.category} onPick={(category) => setFilters((f) => ({ ...f, category }))} />
        <ChipRow idPrefix='city' allText='全部城市' values={OFFER_CITIES} current={filters.city} onPick={(city) => setFilters((f) => ({ ...f, city }))} />
        {items === null && list.error ? (
          <View className='bf__card' data-testid='offers-error'>
            <Text className='bf__muted'>{list.error.message}</Text>
            <Button id='offers-retry' className='bf__action' block onClick={() => void list.reload()}>
              重试
            </Button>
          </View>
        ) : items === null ? (
          <Text className='bf__muted' data-testid='offers-loading'>
            正在加载…
          </Text>
        ) : null}
        {items && !items.length && !cursor ? (
          <Text className='bf__empty' data-testid='offers-empty'>
            {filters.q ? `没有找到“${filters.q}”相关的福利` : '这里暂时没有福利，换个类别或城市看看'}
          </Text>
        ) : null}
        {(items ?? []).map((offer) => (
          <OfferCard key={offer.id} offer={offer} />
        ))}
        {cursor ? (
          <Button id='offers-more' block loading={list.loadingMore} onClick={more}>
            加载更多
          </Button>
        ) : items && items.length ? (
          <Text className='bf__empty'>没有更多了</Text>
        ) : null}
      </View>
    </PageShell>
  )
}
