import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ListMore } from '@/components/ListMore'
import { PageShell } from '@/components/PageShell'
import type { DeskItem } from '@domain/contract'
import { formatDateTime } from '@domain/format'
import { tappable } from '@/platform/a11y'
import { usePagedList } from '@/services/usePagedList'
import { DEADLINE_TEXT, FIGURES_PATH } from '../../deadline'
import '../../staff.scss'

function DeskRow({ item }: { item: DeskItem }) {
  const state = DEADLINE_TEXT[item.state]
  const wait = `已等待 ${item.waited} · 时限 ${formatDateTime(item.dueAt)}`
  return (
    <View
      className='staff__row'
      id={`desk-${item.id}`}
      data-testid='desk-item'
      // The name is the visible text in reading order (axe: label-content-name-mismatch).
      {...tappable('link', `${item.title} ${state} ${item.detail} ${wait}`)}
      onClick={() => void Taro.navigateTo({ url: item.path })}
    >
      <View className='staff__row-head'>
        <Text className='staff__row-title'>{item.title}</Text>
        <Text className={`staff__state staff__state--${item.state}`} data-testid='desk-state'>
          {state}
        </Text>
      </View>
      <Text className='staff__muted'>{item.detail}</Text>
      <Text className='staff__muted'>{wait}</Text>
    </View>
  )
}

/**
 * 工作台: everything that waits for this clerk or reviewer, oldest first, each with how long it has
 * waited and where it stands against the union's service days. A tap opens the page that decides it.
 */
export default function Desk() {
  const list = usePagedList('review', 'desk', {})
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  const { items } = list
  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(items)} onRetry={() => void list.reload()}>
      {items ? (
        <View className='staff' data-testid='desk'>
          <View className='staff__bar'>
            <Text className='staff__muted'>最早的在前。时限按工作日计，节假日调休不计入。</Text>
            <Button id='open-figures' size='small' onClick={() => void Taro.navigateTo({ url: FIGURES_PATH })}>
              统计
            </Button>
          </View>
          {items.map((item) => (
            <DeskRow key={item.id} item={item} />
          ))}
          <ListMore
            id='desk-more'
            more={Boolean(list.nextCursor)}
            loading={list.loadingMore}
            onMore={() => void list.loadMore()}
            endText={items.length ? `已显示全部 ${items.length} 项` : '眼下没有等你处理的事项'}
            endTestId={items.length ? 'desk-end' : 'desk-empty'}
          />
        </View>
      ) : null}
    </PageShell>
  )
}
