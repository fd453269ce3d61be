import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { formatDate } from '@/domain/format'
import { useCloud } from '@/services/useCloud'
import '../../join.scss'

/** What the cloud told this person (review results…), newest first. In WeChat a subscribe message would also arrive. */
export default function Notifications() {
  const list = useCloud('member', 'notifications', {})
  const items = list.data?.items
  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(items)} onRetry={() => void list.reload()}>
      <View className='join' data-testid='notifications'>
        {items && !items.length ? <Text className='join-find__hint'>暂无消息</Text> : null}
        {items?.map((n) => (
          <View key={n.id} className='join-note'>
            <Text className='join-note__title'>{n.title}</Text>
            <Text className='join-note__body'>{n.body}</Text>
            <Text className='join-note__time'>{formatDate(n.createdAt)}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
}
