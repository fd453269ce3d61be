import { useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import type { ActionOutput } from '@/domain/contract'
import { TRANSFER_REASONS, type TransferReason } from '@/domain/transfer/machine'
import { CloudError } from '@/domain/errors'
import { call } from '@/services/cloud'
import { newIdempotencyKey } from '@/services/ids'
import './index.scss'

type Preview = ActionOutput<'transfer', 'preview'>

/** The member picks the receiving union (from its QR code's link or its code), says why, and submits. */
export default function StartTransfer() {
  const router = useRouter()
  const [code, setCode] = useState(router.params.union ? decodeURIComponent(router.params.union) : '')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [lookupError, setLookupError] = useState<string | null>(null)
  const [reason, setReason] = useState<TransferReason>('job_change')
  const [reasonText, setReasonText] = useState('')
  const [newEmployer, setNewEmployer] = useState('')
  const [jobType, setJobType] = useState('')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())

  const lookUp = async () => {
    setLookupError(null)
    setPreview(null)
    try {
      setPreview(await call('transfer', 'preview', { toUnionId: code.trim() }))
    } catch (e) {
      setLookupError(e instanceof CloudError ? e.fields?.toUnionId ?? e.message : '查询失败，请重试')
    }
  }

  const submit = async () => {
    if (!preview) return
    setBusy(true)
    setFields({})
    try {
      await call('transfer', 'start', {
        toUnionId: preview.toUnion.id,
        reason,
        ...(reasonText.trim() ? { reasonText } : {}),
        newEmployer,
        jobType,
        idempotencyKey: key.current,
      })
      // Back to the status page this form was opened from (it reloads on show), or to a new one when
      // the form was opened straight from a union's QR link.
      if (Taro.getCurrentPages().length > 1) await Taro.navigateBack()
      else await Taro.redirectTo({ url: '/features/transfer/pages/status/index' })
    } catch (e) {
      const error = e instanceof CloudError ? e : new CloudError('INTERNAL')
      if (error.fields) setFields(error.fields)
      else Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <View className='transfer-start'>
        <View className='transfer-start__section'>
          <Text className='transfer-start__label'>转入工会</Text>
          <Text className='transfer-start__hint'>扫新单位或属地工会的入会二维码会自动填入；也可输入工会码。</Text>
          <View className='transfer-start__row'>
            <Input id='union-code' className='transfer-start__input' value={code} placeholder='工会码，如 hhht-hm-jz' onChange={setCode} />
            <Button id='lookup-union' size='small' type='primary' disabled={!code.trim()} onClick={() => void lookUp()}>
              查找
            </Button>
          </View>
          {lookupError ? <Text className='transfer-start__error' data-testid='lookup-error'>{lookupError}</Text> : null}
          {preview ? (
            <View className='transfer-start__preview' data-testid='transfer-preview'>
              <Text>从「{preview.fromUnion.name}」</Text>
              <Text className='transfer-start__to'>转入「{preview.toUnion.name}」</Text>
              <Text className='transfer-start__hint'>{preview.toUnionPath.join(' › ')}</Text>
            </View>
          ) : null}
        </View>

        {preview ? (
          <View className='transfer-start__section'>
            <Text className='transfer-start__label'>转会原因</Text>
            <Radio.Group value={reason} onChange={(value) => setReason(value as TransferReason)}>
              {(Object.keys(TRANSFER_REASONS) as TransferReason[]).map((r) => (
                <Radio key={r} value={r} id={`reason-${r}`}>
                  {TRANSFER_REASONS[r]}
                </Radio>
              ))}
            </Radio.Group>
            {reason === 'other' ? <TextArea id='reason-text' value={reasonText} placeholder='请说明原因' maxLength={200} onChange={setReasonText} /> : null}
            {fields.reasonText ? <Text className='transfer-start__error'>{fields.reasonText}</Text> : null}

            <Text className='transfer-start__label'>新工作单位</Text>
            <Input id='new-employer' value={newEmployer} placeholder='新单位全称' maxLength={60} onChange={setNewEmployer} />
            {fields.newEmployer ? <Text className='transfer-start__error'>{fields.newEmployer}</Text> : null}

            <Text className='transfer-start__label'>岗位 / 就业形态</Text>
            <Input id='job-type' value={jobType} placeholder='如：快递员、网约车司机、企业职工' maxLength={30} onChange={setJobType} />
            {fields.jobType ? <Text className='transfer-start__error'>{fields.jobType}</Text> : null}

            <Text className='transfer-start__hint'>办结前你仍是原工会会员，各项权益不变；会员编号和入会时间随会籍转移。</Text>
            <Button id='submit-transfer' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
              提交转会申请
            </Button>
          </View>
        ) : null}
      </View>
    </PageShell>
  )
}
