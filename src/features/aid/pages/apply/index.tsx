import { useEffect, useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { checkChild, needsGuardianConsent } from '@/domain/aid/child'
import { DOCUMENT_KINDS, DOCUMENT_NAMES, HARDSHIP_CATEGORIES, HARDSHIP_NAMES, SCHOOL_LEVELS, SCHOOL_LEVEL_NAMES, type DocumentKind } from '@/domain/aid/programme'
import { BANK_CARD_MESSAGES, parseBankCard } from '@/domain/bankcard'
import { CloudError } from '@/domain/errors'
import { yuanToFen } from '@/domain/money'
import { chinaToday } from '@/domain/time'
import { askToBeTold } from '@/platform/subscribe'
import { call } from '@/services/cloud'
import { useCloud } from '@/services/useCloud'
import { Choices } from '../../components/Choices'
import { FormProblem } from '../../components/FormProblem'
import { uploadDocument } from '../../documents'
import { useAidDraft } from '../../store'
import '../../components/aid.scss'

const STEPS = ['申请人', '子女', '家庭', '材料', '同意与收款']
const today = () => chinaToday(new Date())

/** The application in steps. The draft is kept on the phone as the parent types, except the ID and card numbers. */
export default function Apply() {
  const correctingId = useRouter().params.id ?? null
  const profile = useCloud('member', 'profile', {})
  const programme = useCloud('aid', 'programme', {})
  const mine = useCloud('aid', 'mine', {}, Boolean(correctingId))
  const draft = useAidDraft()
  // Never persisted: typed again after the app is closed.
  const [idNumber, setIdNumber] = useState('')
  const [cardNumber, setCardNumber] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const p = programme.data
  const correcting = correctingId ? mine.data?.find((a) => a.id === correctingId) : undefined

  // A returned application starts from what was sent (the numbers must be typed again).
  useEffect(() => {
    if (!correcting) return
    draft.patch({
      programmeId: correcting.programmeId,
      step: 1,
      child: { name: correcting.child.name, relation: correcting.child.relation as 'parent' | 'guardian', school: correcting.child.school, major: correcting.child.major, level: correcting.child.level },
      household: { size: String(correcting.household.size), annualIncomeYuan: String(correcting.household.annualIncomeFen / 100), category: correcting.household.category, description: correcting.household.description },
      documents: correcting.documents.map((d) => ({ ...d, name: '已上传' })),
      bank: correcting.payout.bank,
    })
  }, [correcting?.id]) // eslint-disable-line react-hooks/exhaustive-deps

  const child = idNumber && draft.child.level ? checkChild(idNumber, draft.child.level, today()) : null
  const required = p?.requiredDocuments ?? []

  /** The first thing wrong with the current step, in words, or null. */
  function stepProblem(step: number): string | null {
    if (step === 1) {
      if (!draft.child.name.trim()) return '请填写子女姓名'
      if (!draft.child.level) return '请选择学段'
      if (!idNumber.trim()) return '请填写子女身份证号'
      if (child && !child.ok) return child.message ?? '子女身份证号不正确'
      if (!draft.child.school.trim()) return '请填写录取学校'
    }
    if (step === 2) {
      const size = Number(draft.household.size)
      if (!Number.isInteger(size) || size < 1) return '家庭人口数至少为 1'
      if (draft.household.annualIncomeYuan.trim().startsWith('-')) return '家庭年收入不能为负数'
      if (yuanToFen(draft.household.annualIncomeYuan) === null) return '请填写家庭年收入（元）'
      if (!draft.household.category) return '请选择困难类别'
      if (!draft.household.description.trim()) return '请填写困难情况说明'
    }
    if (step === 3) {
      const missing = required.filter((k) => !draft.documents.some((d) => d.kind === k))
      if (missing.length) return `请上传：${missing.map((k) => DOCUMENT_NAMES[k]).join('、')}`
    }
    if (step === 4) {
      if (!draft.consents.sensitive) return '请同意处理敏感个人信息'
      if (child?.age !== undefined && needsGuardianConsent(child.age) && !draft.consents.guardian) return '子女未满 14 周岁，需要监护人同意'
      if (!draft.bank.trim()) return '请填写开户银行'
      const card = parseBankCard(cardNumber)
      if (!card.ok) return BANK_CARD_MESSAGES[card.problem]
    }
    return null
  }

  const go = (step: number) => {
    if (step > draft.step) {
      const wrong = stepProblem(draft.step)
      setProblem(wrong)
      if (wrong) return
    }
    setProblem(null)
    draft.patch({ step })
  }

  const upload = async (kind: DocumentKind) => {
    try {
      const file = await uploadDocument()
      if (!file) return
      draft.patch({ documents: [...useAidDraft.getState().documents.filter((d) => d.kind !== kind), { kind, fileId: file.fileId, name: file.name }] })
    } catch (e) {
      Taro.showToast({ title: e instanceof CloudError ? e.message : '上传失败', icon: 'none' })
    }
  }

  const submit = async () => {
    const wrong = stepProblem(4)
    setProblem(wrong)
    if (wrong || !p) return
    const fields = {
      child: { name: draft.child.name.trim(), idNumber: idNumber.trim(), relation: draft.child.relation, school: draft.child.school.trim(), major: draft.child.major.trim(), admissionYear: p.year, level: draft.child.level! },
      household: { size: Number(draft.household.size), annualIncomeFen: yuanToFen(draft.household.annualIncomeYuan) ?? 0, category: draft.household.category!, description: draft.household.description.trim() },
      documents: draft.documents.map(({ kind, fileId }) => ({ kind, fileId })),
      consents: { sensitive: true as const, guardian: draft.consents.guardian },
      payout: { bank: draft.bank.trim(), cardNumber: cardNumber.replace(/\s/g, '') },
    }
    await askToBeTold(['aidProgress'])
    setBusy(true)
    try {
      if (correctingId) await call('aid', 'correct', { applicationId: correctingId, ...fields })
      else await call('aid', 'submit', { programmeId: p.id, idempotencyKey: draft.idempotencyKey, ...fields })
      draft.reset()
      setIdNumber('')
      setCardNumber('')
      await Taro.showToast({ title: '已提交', icon: 'success' })
      // Back to 金秋助学, which reloads the timeline when shown; opened directly, replace this page.
      if (Taro.getCurrentPages().length > 1) await Taro.navigateBack()
      else await Taro.redirectTo({ url: '/features/aid/pages/index/index' })
    } catch (e) {
      setProblem(e instanceof CloudError ? e.message : '提交失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  const loading = profile.loading || programme.loading || (Boolean(correctingId) && mine.loading)
  const error = profile.error ?? programme.error ?? mine.error
  const ready = Boolean(profile.data && programme.data !== null && !loading)
  const membership = profile.data?.membership

  return (
    <PageShell error={error} loading={loading} hasData={ready} onRetry={() => void Promise.all([profile.reload(), programme.reload()])}>
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
            第 {draft.step + 1} 步 / 共 {STEPS.length} 步：{STEPS[draft.step]}
            {correctingId ? '（修改退回的申请）' : ''}
          </Text>
          <View className='aid-card'>
            {draft.step === 0 ? (
              <>
                <Text className='aid-card__title'>申请人</Text>
                <Text className='aid-card__text'>{profile.data!.displayName}</Text>
                <Text className='aid-card__text'>{membership.union.name}，会员编号 {membership.memberNo}</Text>
                <Text className='aid-hint'>申请人信息来自你的会籍，无需重复填写。为保护隐私，身份证号和银行卡号不会保存在手机上，中途退出后需要重新填写这两项。</Text>
              </>
            ) : null}
            {draft.step === 1 ? (
              <>
                <Text className='aid-label'>子女姓名</Text>
                <View data-testid='child-name' className='aid-field'>
                  <Input value={draft.child.name} placeholder='与身份证一致' onChange={(name) => draft.patch({ child: { ...draft.child, name } })} />
                </View>
                <Text className='aid-label'>录取学段</Text>
                <Choices name='level' options={SCHOOL_LEVELS.filter((l) => p.amounts[l] !== undefined).map((l) => [l, SCHOOL_LEVEL_NAMES[l]])} value={draft.child.level} onChange={(level) => draft.patch({ child: { ...draft.child, level } })} />
                <Text className='aid-label'>子女身份证号</Text>
                <View data-testid='child-id' className='aid-field'>
                  <Input value={idNumber} maxLength={18} placeholder='18 位' onChange={setIdNumber} />
                </View>
                {child && !child.ok ? <Text className='aid-error'>{child.message}</Text> : null}
                <Text className='aid-label'>与子女的关系</Text>
                <Choices name='relation' options={[['parent', '父母'], ['guardian', '其他监护人']]} value={draft.child.relation} onChange={(relation) => draft.patch({ child: { ...draft.child, relation } })} />
                <Text className='aid-label'>录取学校</Text>
                <View data-testid='child-school' className='aid-field'>
                  <Input value={draft.child.school} onChange={(school) => draft.patch({ child: { ...draft.child, school } })} />
                </View>
                <Text className='aid-label'>专业（选填）</Text>
                <View data-testid='child-major' className='aid-field'>
                  <Input value={draft.child.major} onChange={(major) => draft.patch({ child: { ...draft.child, major } })} />
                </View>
              </>
            ) : null}
            {draft.step === 2 ? (
              <>
                <Text className='aid-label'>家庭人口数</Text>
                <View data-testid='household-size' className='aid-field'>
                  <Input value={draft.household.size} type='digit' onChange={(size) => draft.patch({ household: { ...draft.household, size } })} />
                </View>
                <Text className='aid-label'>家庭年收入（元）</Text>
                <View data-testid='household-income' className='aid-field'>
                  <Input value={draft.household.annualIncomeYuan} type='digit' onChange={(annualIncomeYuan) => draft.patch({ household: { ...draft.household, annualIncomeYuan } })} />
                </View>
                <Text className='aid-label'>困难类别</Text>
                <Choices name='category' options={HARDSHIP_CATEGORIES.filter((c) => p.categories.includes(c)).map((c) => [c, HARDSHIP_NAMES[c]])} value={draft.household.category} onChange={(category) => draft.patch({ household: { ...draft.household, category } })} />
                <Text className='aid-label'>困难情况说明</Text>
                <View data-testid='household-description' className='aid-field'>
                  <Textarea className='aid-textarea' value={draft.household.description} maxlength={500} onInput={(e) => draft.patch({ household: { ...draft.household, description: e.detail.value } })} />
                </View>
              </>
            ) : null}
            {draft.step === 3 ? (
              <>
                <Text className='aid-hint'>请拍照或选择 JPG、PNG 图片或 PDF，每份不超过 5 MB；照片会先压缩再上传。</Text>
                {DOCUMENT_KINDS.map((kind) => {
                  const doc = draft.documents.find((d) => d.kind === kind)
                  return (
                    <View key={kind} data-testid={`doc-${kind}`}>
                      <Text className='aid-label'>
                        {DOCUMENT_NAMES[kind]}
                        {required.includes(kind) ? '（必交）' : '（选交）'}
                      </Text>
                      <Text className='aid-hint'>{doc ? `已上传：${doc.name}` : '未上传'}</Text>
                      <Button id={`upload-${kind}`} size='small' onClick={() => void upload(kind)}>
                        {doc ? '重新上传' : '上传'}
                      </Button>
                    </View>
                  )
                })}
              </>
            ) : null}
            {draft.step === 4 ? (
              <>
                <Choices name='consent-sensitive' options={[['yes', '我同意工会为审核助学申请处理家庭困难情况、子女身份和银行账户等敏感个人信息']]} value={draft.consents.sensitive ? 'yes' : null} onChange={() => draft.patch({ consents: { ...draft.consents, sensitive: !draft.consents.sensitive } })} />
                {child?.age !== undefined && needsGuardianConsent(child.age) ? (
                  <Choices name='consent-guardian' options={[['yes', '我是子女的监护人，同意处理其个人信息（未满 14 周岁）']]} value={draft.consents.guardian ? 'yes' : null} onChange={() => draft.patch({ consents: { ...draft.consents, guardian: !draft.consents.guardian } })} />
                ) : null}
                <Text className='aid-label'>开户银行</Text>
                <View data-testid='payout-bank' className='aid-field'>
                  <Input value={draft.bank} onChange={(bank) => draft.patch({ bank })} />
                </View>
                <Text className='aid-label'>银行卡号</Text>
                <View data-testid='payout-card' className='aid-field'>
                  <Input value={cardNumber} type='digit' maxLength={23} onChange={setCardNumber} />
                </View>
              </>
            ) : null}
          </View>
          <FormProblem problem={problem} />
          <View className='aid-actions'>
            {draft.step > 0 ? (
              <Button id='step-back' block onClick={() => go(draft.step - 1)}>
                上一步
              </Button>
            ) : null}
            {draft.step < STEPS.length - 1 ? (
              <Button id='step-next' type='primary' block onClick={() => go(draft.step + 1)}>
                下一步
              </Button>
            ) : (
              <Button id='submit-application' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
                {correctingId ? '重新提交' : '提交申请'}
              </Button>
            )}
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}
