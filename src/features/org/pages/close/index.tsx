import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { FullScreenMessage } from '@/components/FullScreenMessage'
import type { OrgUnion } from '@domain/contract'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { useCloud } from '@/services/useCloud'
import { finishAll, pendingText } from '../../finish'
import '../../org.scss'

/** What a closed union is now, in words. */
function Closed({ union }: { union: OrgUnion }) {
  const pending = pendingText(union)
  return (
    <View className='org-done' data-testid='org-closed'>
      <Text className='org-done__title'>已撤销「{union.name}」</Text>
      <Text className='org-done__text'>它不再接收入会申请和转入；记录都保留着，工会编码 {union.code} 不会再分配给别的工会。</Text>
      <Text className='org-done__text'>{pending ? `${pending}，请稍候…` : `已通知 ${union.membersNotified ?? 0} 位会员办理转会。`}</Text>
      <Button id='org-closed-back' block onClick={() => void Taro.navigateBack()}>
        返回组织管理
      </Button>
    </View>
  )
}

/**
 * 撤销工会 (`?id=<id>`): what the close would meet (its members, and anything that blocks it, named),
 * then a confirmation in two taps. Nothing is deleted; the members are told to transfer.
 */
export default function CloseUnion() {
  const router = useRouter()
  const unionId = router.params.id ? decodeURIComponent(router.params.id) : ''
  const enabled = Boolean(unionId)
  const union = useCloud('org', 'get', { unionId }, enabled)
  const check = useCloud('org', 'closeCheck', { unionId }, enabled && union.data?.status !== 'closed' && Boolean(union.data))
  const [asking, setAsking] = useState(false)
  const [closed, setClosed] = useState<OrgUnion | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const { busy, run } = useAction('撤销', {
    inline: (failure) => setRefusal(failure.message),
    onError: () => {
      setAsking(false)
      void check.reload()
    },
  })

  const close = async () => {
    setRefusal(null)
    await run(async () => {
      const done = await call('org', 'close', { unionId })
      setClosed(done)
      // Telling thousands of members takes more than one call: go on until every one is told.
      setClosed(await finishAll(done, setClosed))
    })
  }

  if (!unionId) {
    return (
      <PageShell>
        <FullScreenMessage testId='org-no-union' title='没有指定工会' detail='请从“组织管理”进入。' />
      </PageShell>
    )
  }
  const u = closed ?? (union.data?.status === 'closed' ? union.data : null)
  const facts = check.data
  return (
    <PageShell error={union.error ?? check.error} loading={union.loading || check.loading} hasData={Boolean(union.data && (facts || u))} onRetry={() => void Promise.all([union.reload(), check.reload()])}>
      <View className='org org-close' data-testid='org-close'>
        {u ? (
          <Closed union={u} />
        ) : union.data && facts ? (
          <>
            <Text className='org-title'>撤销「{union.data.name}」</Text>
            <View className='org-close__facts'>
              <Text>会员 {facts.members} 位：会籍、会员编号和入会时间都不变，撤销后他们会收到办理转会的通知。</Text>
              <Text>撤销后不再接收入会申请和转入，入会二维码也不能再用；记录不会删除，工会编码不再分配。</Text>
            </View>
            {facts.blocked || refusal ? (
              <Text className='org-close__blocked' data-testid='org-close-blocked'>
                {refusal ?? facts.blocked}
              </Text>
            ) : null}
            {facts.blocked ? null : asking ? (
              <>
                <Text className='org-hint'>确定要撤销「{union.data.name}」吗？</Text>
                <Button id='org-close-confirm' type='danger' block loading={busy} disabled={busy} onClick={() => void close()}>
                  确认撤销
                </Button>
                <Button id='org-close-cancel' block disabled={busy} onClick={() => setAsking(false)}>
                  不撤销
                </Button>
              </>
            ) : (
              <Button id='org-close-ask' type='danger' block onClick={() => setAsking(true)}>
                撤销这个工会
              </Button>
            )}
          </>
        ) : null}
      </View>
    </PageShell>
  )
}
