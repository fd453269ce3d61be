import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { ApplicationView } from '@domain/contract'
import { formatDate } from '@domain/format'
import { useCloud } from '@/services/useCloud'
import { useJoinDraft, type DraftField } from '../store'

export const JOIN_ENTRY = '/features/join/pages/entry/index'

/** Puts a rejected application's answers back in the draft (not the ID number) and opens the form. */
function resubmit(app: ApplicationView) {
  const draft = useJoinDraft.getState()
  const fields: DraftField[] = ['name', 'phone', 'ethnicity', 'education', 'politicalStatus', 'hukou', 'employer', 'employment']
  for (const field of fields) draft.setValue(field, app[field as keyof ApplicationView] as string)
  draft.setUnion(app.union.id)
  void Taro.navigateTo({ url: `${JOIN_ENTRY}?union=${encodeURIComponent(app.union.id)}` })
}

/** On 我的 for someone not (yet) a member: 尚未入会 / 审核中 / 未通过 or 已失效 with the reason. */
export function JoinStatus() {
  const status = useCloud('member', 'myApplication', {})
  const app = status.data?.application ?? null
  if (app?.status === 'pending') {
    return (
      <View className='me__card me__card--none' data-testid='join-pending'>
        <Text className='me__card-union'>入会申请审核中</Text>
        <Text className='me__card-path'>
          {app.union.name} · {formatDate(app.submittedAt)}提交
        </Text>
      </View>
    )
  }
  // A lapsed application (nobody decided it in time) is shown and resubmitted as a rejected one.
  if (app?.status === 'rejected' || app?.status === 'lapsed') {
    return (
      <View className='me__card me__card--none' data-testid='join-rejected'>
        <Text className='me__card-union'>{app.status === 'lapsed' ? '入会申请已失效' : '入会申请未通过'}</Text>
        <Text className='me__card-path'>原因：{app.rejectReason}</Text>
        <Button id='join-resubmit' type='primary' size='small' onClick={() => resubmit(app)}>
          修改后重新提交
        </Button>
      </View>
    )
  }
  return (
    <View className='me__card me__card--none' data-testid='not-member'>
      <Text className='me__card-union'>尚未入会</Text>
      <Text className='me__card-path'>入会后可领取普惠福利、申请金秋助学。扫描工会海报上的二维码，几分钟即可提交申请。</Text>
      <Button id='go-join' type='primary' size='small' onClick={() => void Taro.navigateTo({ url: JOIN_ENTRY })}>
        去入会
      </Button>
    </View>
  )
}
