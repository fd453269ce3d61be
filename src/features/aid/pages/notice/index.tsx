import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { ListMore } from '@/components/ListMore'
import { PageShell } from '@/components/PageShell'
import { SCHOOL_LEVEL_NAMES } from '@domain/aid/programme'
import { chinaDateText } from '@domain/aid/dates'
import { formatFen } from '@domain/money'
import { needsDemoLogin } from '@/platform/login'
import { call } from '@/services/cloud'
import { loginUrlHere } from '@/services/signIn'
import { useSession } from '@/stores/session'
import { shareNotice } from '@domain/share'
import { useAction } from '@/services/useAction'
import { usePagedList } from '@/services/usePagedList'
import { useShare } from '@/services/useShare'
import '../../aid.scss'

/** 公示: public, no sign-in needed to read, 50 a page. Names are masked; a signed-in person may object once per entry, and staff see it. */
export default function Notice() {
  const list = usePagedList('aid', 'notice', {})
  useShare(shareNotice())
  const { items } = list
  // Back from sign-in (`object`: the entry the person tapped 提出异议 on), its form is open.
  const [objecting, setObjecting] = useState<string | null>(() => Taro.getCurrentInstance().router?.params.object ?? null)
  const signedIn = Boolean(useSession((s) => s.token))
  const [text, setText] = useState('')
  const [contact, setContact] = useState('')
  const sending = useAction('提交异议')
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  // Objecting needs a signed-in person (#14 item 8): on the web, sign in first and come back to this entry.
  const startObjection = (id: string) => {
    if (needsDemoLogin && !signedIn) void Taro.navigateTo({ url: loginUrlHere({ object: id }) })
    else setObjecting(id)
  }

  const send = async () => {
    if (!objecting) return
    await sending.run(async () => {
      await call('aid', 'object', { noticeId: objecting, text: text.trim(), contact: contact.trim() || undefined })
      setObjecting(null)
      setText('')
      Taro.showToast({ title: '异议已提交，工会将核实', icon: 'none' })
    })
  }

  return (
    <PageShell public error={list.error} loading={list.loading} hasData={Boolean(items)} onRetry={() => void list.reload()}>
      {items ? (
        <View className='aid-page'>
          <Text className='aid-hint'>以下为拟资助名单，公示期内如有异议，请登录后提出（每人对每条一次），可留下联系方式。</Text>
          {items.length === 0 && !list.nextCursor ? (
            <View className='aid-card' data-testid='notice-empty'>
              <Text className='aid-card__text'>目前没有正在公示的名单。</Text>
            </View>
          ) : null}
          {items.map((e) => (
            <View key={e.id} className='aid-card' data-testid='notice-entry'>
              <Text className='aid-card__title'>{e.maskedName}</Text>
              <Text className='aid-card__text'>
                {e.school} · {SCHOOL_LEVEL_NAMES[e.level]} · {formatFen(e.amountFen)}
              </Text>
              <Text className='aid-hint'>
                {e.unionName} · 公示至 {chinaDateText(e.noticeEndsAt)}
              </Text>
              {objecting === e.id ? (
                <>
                  <View data-testid='objection-text' className='aid-field'>
                    <Input value={text} placeholder='异议内容' onChange={setText} />
                  </View>
                  <View data-testid='objection-contact' className='aid-field'>
                    <Input value={contact} placeholder='联系方式（选填）' onChange={setContact} />
                  </View>
                  <Button id='objection-send' size='small' type='primary' loading={sending.busy} disabled={sending.busy} onClick={() => void send()}>
                    提交异议
                  </Button>
                </>
              ) : (
                <Button id={`object-${e.id}`} size='small' onClick={() => startObjection(e.id)}>
                  提出异议
                </Button>
              )}
            </View>
          ))}
          <ListMore id='notice-more' more={Boolean(list.nextCursor)} loading={list.loadingMore} onMore={() => void list.loadMore()} endText={items.length ? `已显示全部 ${items.length} 条` : null} endTestId='notice-end' />
        </View>
      ) : null}
    </PageShell>
  )
}
