import { View, Text } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Choices } from '@/components/Choices'
import { EMPLOYMENT_KEYS, EMPLOYMENT_TYPES, type EmploymentType } from '@domain/join/options'
import { TRANSFER_REASONS, type TransferReason } from '@domain/transfer/machine'
import type { TransferDraft, TransferProblems } from '@domain/transfer/start'

const REASON_OPTIONS = (Object.keys(TRANSFER_REASONS) as TransferReason[]).map((value) => ({ value, label: TRANSFER_REASONS[value] }))
const JOB_OPTIONS = EMPLOYMENT_KEYS.map((value) => ({ value, label: EMPLOYMENT_TYPES[value] }))

interface Props {
  draft: TransferDraft
  problems: TransferProblems
  busy: boolean
  onChange(patch: Partial<TransferDraft>): void
  onSubmit(): void
}

function Problem({ message }: { message: string | undefined }) {
  return message ? <Text className='transfer-start__error'>{message}</Text> : null
}

/** Step 2 of 发起转会: why, the new employer and the kind of work; the problems come from the page. */
export function TransferDetailsForm({ draft, problems, busy, onChange, onSubmit }: Props) {
  return (
    <View className='transfer-start__section'>
      <Text className='transfer-start__label'>转会原因</Text>
      <Choices id='transfer-reason' options={REASON_OPTIONS} value={draft.reason} onChange={(value) => onChange({ reason: value as TransferReason })} />
      {draft.reason === 'other' ? <TextArea id='reason-text' value={draft.reasonText} placeholder='请说明原因' maxLength={200} onChange={(reasonText) => onChange({ reasonText })} /> : null}
      <Problem message={problems.reasonText} />

      <Text className='transfer-start__label'>新工作单位</Text>
      <Input id='new-employer' value={draft.newEmployer} placeholder='新单位全称' maxLength={60} onChange={(newEmployer) => onChange({ newEmployer })} />
      <Problem message={problems.newEmployer} />

      <Text className='transfer-start__label'>就业形态</Text>
      <Choices id='transfer-job' options={JOB_OPTIONS} value={draft.jobType} onChange={(value) => onChange({ jobType: value as EmploymentType })} />
      <Problem message={problems.jobType} />

      <Text className='transfer-start__hint'>办结前你仍是原工会会员，各项权益不变；会员编号和入会时间随会籍转移。</Text>
      <Button id='submit-transfer' type='primary' block loading={busy} disabled={busy} onClick={onSubmit}>
        提交转会申请
      </Button>
    </View>
  )
}
