import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { formatDate } from '@domain/format'
import { useCloud } from '@/services/useCloud'
import '../../join.scss'

/** Opens a notice's page: 我的 and 首页 are tabs, the rest pages of a feature. */
function open(link: string) {
  if (/^\/pages\/(me|home)\//.test(link)) void Taro.switchTab({ url: link.split('?')[0] })
  else void Taro.navigateTo({ url: link })
}

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
            {n.link ? (
              <Button id={`note-open-${n.id}`} size='small' onClick={() => open(n.link as string)}>
                {n.link.startsWith('/features/transfer/pages/start') ? '去办理转会' : '查看详情'}
              </Button>
            ) : null}
          </View>
        ))}
      </View>
    </PageShell>
  )
}
