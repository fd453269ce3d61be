import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { JoinUnion } from '@domain/contract'
import { choiceGroup, choosable } from '@/platform/a11y'
import { request } from '@/services/request'
import { useKeywordPages } from '@/services/useKeywordPages'
import './UnionPicker.scss'

const subtreePage = async (keyword: string, cursor: string | null) => {
  const page = await request('admin', 'subtreeUnions', { ...(keyword ? { keyword } : {}), ...(cursor ? { cursor } : {}) })
  return { items: page.unions, nextCursor: page.nextCursor }
}

/**
 * The open unions of the clerk's subtree (their own and those below), found by name or region, 50 a
 * page: a tap picks one (or, with `multiple`, adds or removes it). Used wherever staff choose a
 * union (an invitation, a merchant, a station): a large subtree is searched, not scrolled. `id`
 * prefixes every control's id.
 */
export function UnionPicker({ id, selected, onPick, multiple = false }: { id: string; selected: string[]; onPick: (union: JoinUnion) => void; multiple?: boolean }) {
  const list = useKeywordPages<JoinUnion>(true, subtreePage)
  const [typed, setTyped] = useState('')
  return (
    <View className='union-picker' data-testid={`${id}-picker`}>
      <View className='union-picker__row'>
        <Input id={`${id}-keyword`} className='union-picker__input' placeholder='按名称或地区查找，如：新城区' ariaLabel='查找工会' value={typed} confirmType='search' onInput={(e) => setTyped(e.detail.value)} onConfirm={() => list.search(typed)} />
        <Button id={`${id}-search`} className='union-picker__action' onClick={() => list.search(typed)}>
          查找
        </Button>
      </View>
      {list.error ? <Text className='union-picker__problem'>{list.error.message}</Text> : null}
      {list.loading ? <Text className='union-picker__muted'>正在查找…</Text> : null}
      {list.items && !list.items.length && !list.loading ? <Text className='union-picker__muted'>{list.keyword ? `没有找到“${list.keyword}”` : '没有可选的工会'}</Text> : null}
      <View {...(multiple ? {} : choiceGroup)} aria-label='可选的工会'>
        {(list.items ?? []).map((union) => {
          const on = selected.includes(union.id)
          return (
            <View key={union.id} id={`${id}-${union.id}`} className={`union-picker__pick${on ? ' union-picker__pick--on' : ''}`} {...choosable(multiple ? 'checkbox' : 'radio', on, () => onPick(union))}>
              <Text className='union-picker__pick-name'>
                {union.name}
                {on ? (multiple ? '（已选）' : '（当前）') : ''}
              </Text>
              <Text className='union-picker__muted'>{union.path.join(' › ')}</Text>
            </View>
          )
        })}
      </View>
      {list.next ? (
        <Button id={`${id}-more`} className='union-picker__action' block loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
          {list.loadingMore ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </View>
  )
}
