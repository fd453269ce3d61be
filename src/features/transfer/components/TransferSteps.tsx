import { View, Text } from '@tarojs/components'
import type { TransferView } from '@domain/contract'
import { TRANSFER_STATUS_NAMES } from '@domain/transfer/machine'
import { formatDateTime } from '@domain/format'
import './TransferSteps.scss'

/** 提交申请 → 原工会放行 → 新工会接收, each with its time, and what happens if the old union is silent. */
export function TransferSteps({ transfer }: { transfer: TransferView }) {
  const steps = [
    { title: '提交申请', done: true, at: transfer.createdAt },
    {
      title: transfer.releasedBy === 'auto' ? '原工会逾期未处理，已自动放行' : '原工会放行',
      done: Boolean(transfer.releasedAt),
      at: transfer.releasedAt,
    },
    { title: '新工会接收', done: transfer.status === 'completed', at: transfer.status === 'completed' ? transfer.closedAt : null },
  ]
  return (
    <View className='transfer-steps' data-testid='transfer-steps'>
      <Text className='transfer-steps__status' data-testid='transfer-status'>
        {TRANSFER_STATUS_NAMES[transfer.status]}
      </Text>
      <Text className='transfer-steps__route'>
        {transfer.fromUnion.name} → {transfer.toUnion.name}
      </Text>
      {steps.map((step) => (
        <View key={step.title} className={`transfer-steps__step${step.done ? ' transfer-steps__step--done' : ''}`}>
          <Text className='transfer-steps__dot' />
          <Text className='transfer-steps__title'>{step.title}</Text>
          {step.at ? <Text className='transfer-steps__at'>{formatDateTime(step.at)}</Text> : null}
        </View>
      ))}
      {transfer.autoReleaseAt ? <Text className='transfer-steps__note'>若原工会在 {formatDateTime(transfer.autoReleaseAt)} 前未处理，将自动放行。</Text> : null}
      {transfer.rejectReason ? <Text className='transfer-steps__note'>驳回原因：{transfer.rejectReason}</Text> : null}
    </View>
  )
}
