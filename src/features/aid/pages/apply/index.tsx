import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { APPLY_STEPS, asksGuardian, checkStep, firstProblem, toApplication, type ApplyValues, type StepErrors } from '@domain/aid/steps'
import { chinaToday } from '@domain/time'
import { askToBeTold } from '@/platform/subscribe'
import { call } from '@/services/cloud'
import { keyAfter, keyFor, type HeldKey } from '@/services/ids'
import { useAction } from '@/services/useAction'
import { useCloud } from '@/services/useCloud'
import { revealFirstError } from '@/platform/revealError'
import { ApplicantStep } from '../../components/ApplicantStep'
import { ChildStep } from '../../components/ChildStep'
import { DocumentsStep } from '../../components/DocumentsStep'
import { FormProblem } from '../../components/FormProblem'
import { HouseholdStep } from '../../components/HouseholdStep'
import { PayoutStep } from '../../components/PayoutStep'
import { StepButtons } from '../../components/StepButtons'
import { useAidDraft } from '../../store'
import { usePrefill } from '../../usePrefill'
import '../../aid.scss'

const LAST = APPLY_STEPS.length - 1

/** The application in steps. The draft is kept on the phone as the parent types, except the ID and card numbers. */
export default function Apply() {
  const params = useRouter().params
  const correctingId = params.id ?? null
  const profile = useCloud('member', 'profile', {})
  const programme = useCloud('aid', 'programme', {})
  const mine = useCloud('aid', 'mine', {}, Boolean(correctingId))
  const renewals = useCloud('aid', 'renewals', {}, Boolean(params.renew))
  const draft = useAidDraft()
  // Never persisted: typed again after the app is closed.
  const [idNumber, setIdNumber] = useState('')
  const [cardNumber, setCardNumber] = useState('')
  // After a 下一步 that failed, every field's problem shows, and each goes as soon as it is fixed.
  const [tried, setTried] = useState(false)
  const [refused, setRefused] = useState<string | null>(null)
  const { busy, run } = useAction('提交', { inline: (failure) => setRefused(failure.message) })
  const p = programme.data
  usePrefill(correctingId ? mine.data?.find((a) => a.id === correctingId) : undefined, params, params.renew ? renewals.data?.find((r) => r.applicationId === params.renew) : undefined)

  const values: ApplyValues = { ...draft, child: { ...draft.child, idNumber }, cardNumber }
  // A renewal or a correction keeps the ID and card numbers the cloud already holds unless retyped.
  const keepsNumbers = Boolean(correctingId || draft.renewalOf)
  const context = { today: chinaToday(new Date()), requiredDocuments: p?.requiredDocuments ?? [], excludes: p?.excludes ?? [], keepsNumbers }
  const errors = checkStep(draft.step, values, context)
  // Before any 下一步, only an ID number typed wrong is worth saying (it is easy to mistype).
  const shown: StepErrors = tried ? errors : idNumber.trim() ? { idNumber: errors.idNumber } : {}

  const go = (step: number) => {
    if (step > draft.step && firstProblem(draft.step, errors)) {
      setTried(true)
      return revealFirstError('.aid-error')
    }
    setTried(false)
    setRefused(null)
    draft.patch({ step })
  }

  const submit = async () => {
    setTried(true)
    if (firstProblem(LAST, errors)) return revealFirstError('.aid-error')
    if (!p) return
    const fields = toApplication(values, draft.child.admissionYear ?? p.year)
    await askToBeTold(['aidProgress'])
    await run(async () => {
      let held: HeldKey | null = null
      try {
        if (correctingId) await call('aid', 'correct', { applicationId: correctingId, ...fields })
        else {
          const submission = { programmeId: p.id, ...fields, ...(draft.renewalOf ? { renewalOf: draft.renewalOf } : {}) }
          held = keyFor(draft.retryKey, submission)
          draft.patch({ retryKey: held })
          await call('aid', 'submit', { ...submission, idempotencyKey: held.key })
        }
      } catch (e) {
        // A lost answer keeps the key (trying again is the same submission); an answered one drops it.
        if (held) draft.patch({ retryKey: keyAfter(held, e) })
        throw e
      }
      draft.reset()
      setIdNumber('')
      setCardNumber('')
      await Taro.showToast({ title: '已提交', icon: 'success' })
      // Back to 金秋助学, which reloads the timeline when shown; opened directly, replace this page.
      if (Taro.getCurrentPages().length > 1) await Taro.navigateBack()
      else await Taro.redirectTo({ url: '/features/aid/pages/index/index' })
    })
  }

  const loading = profile.loading || programme.loading || (Boolean(correctingId) && mine.loading) || (Boolean(params.renew) && renewals.loading)
  const ready = Boolean(profile.data && programme.data !== null && !loading)
  const membership = profile.data?.membership
  const step = draft.step

  return (
    <PageShell error={profile.error ?? programme.error ?? mine.error} loading={loading} hasData={ready} onRetry={() => void Promise.all([profile.reload(), programme.reload()])}>
      {!loading && profile.data && (!membership || !p) ? (
        <View className='aid-page'>
          <View className='aid-card'>
            <Text className='aid-error'>{!membership ? '金秋助学面向工会会员家庭，请先入会' : '你所在的工会今年没有开放金秋助学申请'}</Text>
          </View>
        </View>
      ) : null}
      {ready && membership && p ? (
        <View className='aid-page' data-testid='apply-form'>
          <Text className='aid-hint' data-testid='step-title'>
            第 {step + 1} 步 / 共 {APPLY_STEPS.length} 步：{APPLY_STEPS[step].title}
            {correctingId ? '（修改退回的申请）' : draft.renewalOf ? '（续申：已带出上次的申请，请核对有变化的内容）' : ''}
          </Text>
          <View className='aid-card'>
            {step === 0 ? <ApplicantStep profile={profile.data!} /> : null}
            {step === 1 ? <ChildStep amounts={p.amounts} enrolledSince={p.funds === 'enrolled_too' ? p.year : null} keepsId={keepsNumbers} idNumber={idNumber} onIdNumber={setIdNumber} errors={shown} /> : null}
            {step === 2 ? <HouseholdStep categories={p.categories} errors={shown} /> : null}
            {step === 3 ? <DocumentsStep required={p.requiredDocuments} errors={shown} /> : null}
            {step === 4 ? <PayoutStep asksGuardian={asksGuardian(values, context.today)} keepsCard={keepsNumbers} cardNumber={cardNumber} onCardNumber={setCardNumber} errors={shown} /> : null}
          </View>
          <FormProblem problem={refused ?? (tried ? firstProblem(step, errors) : null)} />
          <StepButtons step={step} last={step === LAST} busy={busy} submitText={correctingId ? '重新提交' : '提交申请'} onGo={go} onSubmit={() => void submit()} />
        </View>
      ) : null}
    </PageShell>
  )
}
