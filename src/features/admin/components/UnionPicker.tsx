import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { JoinUnion } from '@domain/contract'
import { call } from '@/services/cloud'
import { useKeywordPages } from '@/services/useKeywordPages'

const subtreePage = async (keyword: string, cursor: string | null) => {
  const page = await call('admin', 'subtreeUnions', { ...(keyword ? { keyword } : {}), ...(cursor ? { cursor } : {}) })
  return { items: page.unions, nextCursor: page.nextCursor }
}

/**
 * The unions of the clerk's subtree (their own and those below), found by name or region, 50 a
 * page: a tap picks one (or, with `multiple`, adds or removes it). `id` prefixes every control's id.
 */
export function UnionPicker({ id, selected, onPick, multiple = false }: { id: string; selected: string[]; onPick: (union: JoinUnion) => void; multiple?: boolean }) {
  const list = useKeywordPages<JoinUnion>(true, subtreePage)
  const [typed, setTyped] = useState('')
  return (
    <View className='adm__card' data-testid={`${id}-picker`}>
      <View className='adm__row'>
        <Input id={`${id}-keyword`} className='adm__input' style={{ flex: 1 }} placeholder='按名称或地区查找，如：新城区' ariaLabel='查找工会' value={typed} confirmType='search' onInput={(e) => setTyped(e.detail.value)} onConfirm={() => list.search(typed)} />
        <Button id={`${id}-search`} className='adm__action' onClick={() => list.search(typed)}>
          查找
        </Button>
      </View>
      {list.error ? <Text className='adm__problem'>{list.error.message}</Text> : null}
      {list.loading ? <Text className='adm__muted'>正在查找…</Text> : null}
      {list.items && !list.items.length && !list.loading ? <Text className='adm__muted'>{list.keyword ? `没有找到“${list.keyword}”` : '没有可选的工会'}</Text> : null}
      {(list.items ?? []).map((union) => {
        const on = selected.includes(union.id)
        return (
          <View key={union.id} id={`${id}-${union.id}`} className={`adm__pick${on ? ' adm__pick--on' : ''}`} onClick={() => onPick(union)}>
            <Text className='adm__pick-name'>
              {union.name}
              {on ? (multiple ? '（已选）' : '（当前）') : ''}
            </Text>
            <Text className='adm__muted'>{union.path.join(' › ')}</Text>
          </View>
        )
      })}
      {list.next ? (
        <Button id={`${id}-more`} className='adm__action' block loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
          {list.loadingMore ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </View>
  )
}
