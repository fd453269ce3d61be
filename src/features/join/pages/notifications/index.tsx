import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { formatDate } from '@domain/format'
import { isTabPage, noticePage } from '@domain/notices'
import { pressable } from '@/platform/pressable'
import { useCloud } from '@/services/useCloud'
import '../../join.scss'

/** Opens a notice's page: 我的 and 首页 are tabs, the rest pages of a feature. */
function open(page: string) {
  if (isTabPage(page)) void Taro.switchTab({ url: page.split('?')[0] })
  else void Taro.navigateTo({ url: page })
}

/**
 * What the cloud told this person (review results…), newest first; each opens what it is about
 * (#15 item 8). In WeChat a subscribe message would also arrive.
 */
export default function Notifications() {
  const list = useCloud('member', 'notifications', {})
  const items = list.data?.items
  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(items)} onRetry={() => void list.reload()}>
      <View className='join' data-testid='notifications'>
        {items && !items.length ? <Text className='join-find__hint'>暂无消息</Text> : null}
        {items?.map((n) => {
          const date = formatDate(n.createdAt)
          const more = n.link?.startsWith('/features/transfer/pages/start') ? '去办理转会' : '查看详情'
          // The name a screen reader says is all the item shows, in order, so the visible words are in it (WCAG 2.5.3).
          return (
            <View key={n.id} id={`note-open-${n.id}`} className='join-note' {...pressable('link', `${n.title}，${n.body}，${date}，${more}`, () => open(noticePage(n)))}>
              <Text className='join-note__title'>{n.title}</Text>
              <Text className='join-note__body'>{n.body}</Text>
              <View className='join-note__foot'>
                <Text className='join-note__time'>{date}</Text>
                <Text className='join-note__more'>{more} ›</Text>
              </View>
            </View>
          )
        })}
      </View>
    </PageShell>
  )
}
