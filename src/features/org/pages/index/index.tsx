import { useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { ListMore } from '@/components/ListMore'
import type { OrgUnion } from '@domain/contract'
import { useAction } from '@/services/useAction'
import { usePagedList } from '@/services/usePagedList'
import { UnionItem } from '../../components/UnionItem'
import { finishAll } from '../../finish'
import '../../org.scss'

/**
 * 组织管理: the unions of the clerk's subtree, by name, 50 at a time (a province has tens of
 * thousands), found by name, region or code. Each says what it is and offers what may be done
 * with it: add a union below, print its poster, edit, close, or finish what an edit or close left.
 */
export default function OrgList() {
  const [typed, setTyped] = useState('')
  const [keyword, setKeyword] = useState('')
  const list = usePagedList('org', 'list', keyword ? { keyword } : {})
  const [finishing, setFinishing] = useState<string | null>(null)
  // One union's update at a time; a failure reads the list again, to show where each union now stands.
  const finishingAction = useAction('更新下级工会', { onError: () => void list.reload() })
  const seen = useRef(false)
  // Back from a form: what was added or changed shows.
  useDidShow(() => {
    if (seen.current) void list.reload()
    seen.current = true
  })
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  const search = (word: string) => (word.trim() === keyword ? void list.reload() : setKeyword(word.trim()))

  const finish = async (union: OrgUnion) => {
    setFinishing(union.id)
    await finishingAction.run(async () => {
      const done = await finishAll(union, list.replace)
      list.replace(done)
      if (!done.pending) Taro.showToast({ title: '已完成', icon: 'none' })
    })
    setFinishing(null)
  }

  const items = list.items
  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(items)} onRetry={() => void list.reload()}>
      <View className='org' data-testid='org-list'>
        <View className='org-search' id='org-search'>
          <Input name='orgKeyword' ariaLabel='按名称、地区或工会编码查找工会' placeholder='查找工会：名称、地区或工会编码' value={typed} confirmType='search' onChange={setTyped} onConfirm={() => search(typed)} />
          <Button id='org-search-go' size='small' onClick={() => search(typed)}>
            查找
          </Button>
        </View>
        {list.loading && items ? <Text className='org-hint'>正在查找…</Text> : null}
        {items && !items.length ? (
          <Text className='org-hint' data-testid='org-none'>
            {keyword ? `没有找到“${keyword}”，可换个关键词` : '没有可管理的工会'}
          </Text>
        ) : null}
        {items?.map((union) => <UnionItem key={union.id} union={union} finishing={finishing === union.id} onFinish={(u) => void finish(u)} />)}
        <ListMore id='org-more' more={Boolean(list.nextCursor)} loading={list.loadingMore} onMore={() => void list.loadMore()} endText={items?.length ? (keyword ? `找到 ${items.length} 个工会` : `共 ${items.length} 个工会`) : null} endTestId='org-end' />
      </View>
    </PageShell>
  )
}
