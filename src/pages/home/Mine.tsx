import { View, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { countText, HOME_LINKS } from '@domain/home'
import { pressable } from '@/platform/pressable'
import { useCloud } from '@/services/useCloud'
import { NearestStation } from './NearestStation'
import { openPage } from './open'

/**
 * 首页 for someone signed in (member.home): a clerk's queues, the member card in one tap (or the way
 * to join), what of the person's own waits, and the nearest open station when a location was shared.
 */
export function Mine() {
  const summary = useCloud('member', 'home', {})
  // Back on 首页 from a page that changed something (a claim, a decision): read again, quietly.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && summary.data) void summary.reload()
    shown.current = true
  })
  const data = summary.data
  if (!data) {
    return (
      <View className='home__card' data-testid='home-mine'>
        {summary.error ? (
          <View className='home__state' data-testid='home-mine-error' role='alert'>
            <Text className='home__card-text'>你的待办暂时没有读出来：{summary.error.message}</Text>
            <Button id='home-mine-retry' className='home__action' block onClick={() => void summary.reload()}>
              重试
            </Button>
          </View>
        ) : (
          <Text className='home__card-text' data-testid='home-mine-loading'>
            正在读取你的待办…
          </Text>
        )}
      </View>
    )
  }
  return (
    <View className='home__card' data-testid='home-mine'>
      {data.queues.length ? (
        <View className='home__queues' data-testid='home-queues'>
          <Text className='home__card-title'>等你处理</Text>
          {data.queues.map((q) => (
            <View key={q.kind} id={`queue-${q.kind}`} className='home__row' {...pressable('link', `${q.title}：${countText(q.count, q.more)} 件`, () => openPage(q.path))}>
              <Text className='home__row-title'>{q.title}</Text>
              <Text className={`home__count${q.count ? ' home__count--some' : ''}`}>{countText(q.count, q.more)}</Text>
            </View>
          ))}
          <View id='home-desk' className='home__row' {...pressable('link', '打开工作台：全部待办与办理时限', () => openPage(HOME_LINKS.desk))}>
            <Text className='home__row-title'>打开工作台</Text>
            <Text className='home__row-detail'>全部待办与办理时限</Text>
          </View>
        </View>
      ) : null}
      {data.member ? (
        <Button id='home-card' className='home__action' type='primary' block onClick={() => openPage(HOME_LINKS.card)}>
          出示会员证
        </Button>
      ) : data.waiting.some((w) => w.kind === 'join') ? null : (
        <View className='home__state' data-testid='home-join'>
          <Text className='home__card-text'>你还不是工会会员。入会后可领取普惠福利、申请金秋助学。</Text>
          <Button id='home-join' className='home__action' type='primary' block onClick={() => openPage(HOME_LINKS.join)}>
            申请入会
          </Button>
        </View>
      )}
      <View className='home__waiting' data-testid='home-waiting'>
        <Text className='home__card-title'>我的待办</Text>
        {data.waiting.length ? (
          data.waiting.map((w) => (
            <View key={w.key} id={`waiting-${w.key}`} className='home__row' {...pressable('link', `${w.title}：${w.detail}`, () => openPage(w.path))}>
              <Text className='home__row-title'>{w.title}</Text>
              <Text className='home__row-detail'>{w.detail}</Text>
            </View>
          ))
        ) : (
          <Text className='home__card-text' data-testid='home-waiting-empty'>
            暂无待办：申请、转会、快到期的券和助学结果会显示在这里。
          </Text>
        )}
      </View>
      <NearestStation />
    </View>
  )
}
