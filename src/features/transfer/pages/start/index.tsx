import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Choices } from '@/components/Choices'
import { PageShell } from '@/components/PageShell'
import type { ActionOutput } from '@/domain/contract'
import { CloudError } from '@/domain/errors'
import { EMPLOYMENT_KEYS, EMPLOYMENT_TYPES, type EmploymentType } from '@/domain/join/options'
import { TRANSFER_REASONS, type TransferReason } from '@/domain/transfer/machine'
import { unionFromScan, unionScanProblem } from '@/domain/scan'
import { canScan, scanCode } from '@/platform/scan'
import { askToBeTold } from '@/platform/subscribe'
import { call } from '@/services/cloud'
import { useRetryKey } from '@/services/ids'
import { revealFirstError } from '@/platform/revealError'
import './index.scss'

type Preview = ActionOutput<'transfer', 'preview'>
type Found = ActionOutput<'member', 'searchUnions'>

const REASON_OPTIONS = (Object.keys(TRANSFER_REASONS) as TransferReason[]).map((value) => ({ value, label: TRANSFER_REASONS[value] }))
const JOB_OPTIONS = EMPLOYMENT_KEYS.map((value) => ({ value, label: EMPLOYMENT_TYPES[value] }))

const messageOf = (e: unknown, field?: string) => (e instanceof CloudError ? (field && e.fields?.[field]) || e.message : '查询失败，请重试')

/** The member picks the receiving union (its QR link, its code, or a search), says why, and submits. */
export default function StartTransfer() {
  const router = useRouter()
  const [code, setCode] = useState(router.params.union ? decodeURIComponent(router.params.union) : '')
  const [keyword, setKeyword] = useState('')
  const [found, setFound] = useState<Found | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [lookupError, setLookupError] = useState<string | null>(null)
  const [reason, setReason] = useState<TransferReason>('job_change')
  const [reasonText, setReasonText] = useState('')
  const [newEmployer, setNewEmployer] = useState('')
  const [jobType, setJobType] = useState<EmploymentType | undefined>(undefined)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const retryKey = useRetryKey()

  const choose = async (unionId: string) => {
    setLookupError(null)
    setPreview(null)
    try {
      setPreview(await call('transfer', 'preview', { toUnionId: unionId.trim() }))
      setFound(null)
    } catch (e) {
      setLookupError(messageOf(e, 'toUnionId'))
    }
  }

  /** In WeChat: scan the receiving union's 入会 QR poster, the same code joining uses. */
  const scan = async () => {
    const scanned = await scanCode()
    if (!scanned) return
    const meaning = unionFromScan(scanned)
    if (meaning.kind !== 'union') return void Taro.showToast({ title: unionScanProblem(meaning) ?? '', icon: 'none', duration: 2500 })
    setCode(meaning.code)
    await choose(meaning.code)
  }

  const search = async () => {
    setLookupError(null)
    try {
      setFound(await call('member', 'searchUnions', { keyword }))
    } catch (e) {
      setLookupError(messageOf(e, 'keyword'))
    }
  }

  const submit = async () => {
    if (!preview) return
    await askToBeTold(['transferResult'])
    setBusy(true)
    setFields({})
    const submission = { toUnionId: preview.toUnion.id, reason, ...(reasonText.trim() ? { reasonText } : {}), newEmployer, jobType: jobType as EmploymentType }
    try {
      await call('transfer', 'start', { ...submission, idempotencyKey: retryKey.key(submission) })
      retryKey.settle()
      // Back to the status page this form was opened from (it reloads on show), or to a new one when
      // the form was opened straight from a union's QR link.
      if (Taro.getCurrentPages().length > 1) await Taro.navigateBack()
      else await Taro.redirectTo({ url: '/features/transfer/pages/status/index' })
    } catch (e) {
      const error = e instanceof CloudError ? e : new CloudError('INTERNAL')
      retryKey.settle(error)
      if (error.fields) {
        setFields(error.fields)
        revealFirstError('.transfer-start__error')
      } else Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
    } finally {
      setBusy(false)
    }
  }

  const results = found ? [...found.unions, ...found.newForms.filter((u) => !found.unions.some((x) => x.id === u.id))] : []
  return (
    <PageShell>
      <View className='transfer-start'>
        <View className='transfer-start__section'>
          <Text className='transfer-start__label'>转入工会</Text>
          <Text className='transfer-start__hint'>扫新单位或属地工会的入会二维码会自动填入；也可输入工会编码（印在入会二维码下方），或按名称、地区查找。</Text>
          {canScan ? (
            <Button id='scan-union' type='primary' block onClick={() => void scan()}>
              扫描转入工会的二维码
            </Button>
          ) : null}
          <View className='transfer-start__row'>
            <Input id='union-code' className='transfer-start__input' value={code} placeholder='工会编码（见入会二维码下方）' ariaLabel='工会编码' onChange={setCode} />
            <Button id='lookup-union' size='small' type='primary' disabled={!code.trim()} onClick={() => void choose(code)}>
              查找
            </Button>
          </View>
          <View className='transfer-start__row'>
            <Input id='union-keyword' className='transfer-start__input' value={keyword} placeholder='工会名称或地区，如 回民区' onChange={setKeyword} />
            <Button id='search-union' size='small' disabled={!keyword.trim()} onClick={() => void search()}>
              搜索
            </Button>
          </View>
          {found && !results.length ? <Text className='transfer-start__hint'>没有找到，请换个关键词。单位没有工会的，可转入属地或新业态工会联合会。</Text> : null}
          {results.map((union) => (
            <View key={union.id} id={`found-${union.id}`} className='transfer-start__found' onClick={() => void choose(union.id)}>
              <Text>{union.name}</Text>
              <Text className='transfer-start__hint'>{union.path.join(' › ')}</Text>
            </View>
          ))}
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
            <Choices id='transfer-reason' options={REASON_OPTIONS} value={reason} onChange={(value) => setReason(value as TransferReason)} />
            {reason === 'other' ? <TextArea id='reason-text' value={reasonText} placeholder='请说明原因' maxLength={200} onChange={setReasonText} /> : null}
            {fields.reasonText ? <Text className='transfer-start__error'>{fields.reasonText}</Text> : null}

            <Text className='transfer-start__label'>新工作单位</Text>
            <Input id='new-employer' value={newEmployer} placeholder='新单位全称' maxLength={60} onChange={setNewEmployer} />
            {fields.newEmployer ? <Text className='transfer-start__error'>{fields.newEmployer}</Text> : null}

            <Text className='transfer-start__label'>就业形态</Text>
            <Choices id='transfer-job' options={JOB_OPTIONS} value={jobType} onChange={(value) => setJobType(value as EmploymentType)} />
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
