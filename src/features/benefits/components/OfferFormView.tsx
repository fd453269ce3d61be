import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { LIMIT_PERIODS, LIMIT_PERIOD_NAMES, OFFER_CATEGORIES, OFFER_CITIES } from '@domain/benefits/categories'
import { ALL_MEMBERS, checkOfferForm, offerDraftOf, offerFieldPath, offerFormOf, withMerchant, type OfferChoices, type OfferDraft } from '@domain/benefits/offerForm'
import type { OfferAdmin } from '@domain/contract'
import { withFirstProblem } from '@domain/validate'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { StoreFields } from '@/components/StoreFields'
import { revealFirstError } from '@/platform/revealError'
import { OfferChipField, OfferProblem, OfferTextField } from './OfferFields'

interface Props {
  offer: OfferAdmin | null
  choices: OfferChoices
  onSaved(): void
  onCancel(): void
}

/** Add or edit an offer: checked here by the contract's rules before sending, and the cloud's field messages appear beside the fields too. */
export function OfferFormView({ offer, choices, onSaved, onCancel }: Props) {
  const [d, setD] = useState<OfferDraft>(() => offerDraftOf(offer, choices))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const set = (patch: Partial<OfferDraft>) => setD((prev) => ({ ...prev, ...patch }))

  /** The one place a refused form is shown, whether the app or the cloud found the problems. */
  const showProblems = (problems: Record<string, string>) => {
    setErrors(problems)
    revealFirstError('.bf__tag--warn')
  }
  const { busy, run } = useAction('保存', { fields: showProblems, inline: (failure) => showProblems({ _: failure.message }) })

  const save = async () => {
    const form = offerFormOf(d, offer?.id)
    setErrors({})
    const local = checkOfferForm(form, offer ? offer.claimed : 0)
    if (Object.keys(local).length) return showProblems(withFirstProblem(local))
    await run(async () => {
      await call('benefits', 'saveOffer', form)
      onSaved()
    })
  }

  const text = (key: keyof OfferDraft, label: string, props: { placeholder?: string; type?: 'number' | 'text' } = {}) => (
    <OfferTextField id={`offer-${key}`} label={label} value={String(d[key])} problem={errors[offerFieldPath(key)]} onChange={(value) => set({ [key]: value })} {...props} />
  )
  const unionName = (id: string) => choices.unions.find((u) => u.id === id)?.name ?? id

  return (
    <View className='bf__card' data-testid='offer-form'>
      <Text className='bf__title'>{offer ? '修改福利' : '新增福利'}</Text>
      {text('title', '福利名称')}
      <OfferChipField label='类别' values={OFFER_CATEGORIES} current={d.category} onPick={(category) => set({ category })} />
      <OfferChipField label='商户' idPrefix='merchant' values={choices.merchants.map((m) => m.id)} current={d.merchantId} name={(id) => choices.merchants.find((m) => m.id === id)?.name ?? id} onPick={(id) => setD((prev) => withMerchant(prev, id, choices))} />
      {!choices.merchants.length ? <Text className='bf__tag bf__tag--warn'>本工会及下级还没有登记商户：请先在“我的 → 商户管理”登记</Text> : null}
      <OfferProblem message={errors.merchantId} />
      <OfferChipField label='所属工会' values={choices.unions.map((u) => u.id)} current={d.unionId} name={unionName} onPick={(unionId) => set({ unionId })} />
      <OfferChipField label='城市' values={OFFER_CITIES} current={d.city} onPick={(city) => set({ city })} />
      {text('county', '旗县区')}
      <OfferTextField id='offer-description' label='福利说明' multiline value={d.description} problem={errors.description} onChange={(description) => set({ description })} />
      <OfferTextField id='offer-rules' label='使用规则（每行一条）' multiline value={d.rules} onChange={(rules) => set({ rules })} />
      <StoreFields stores={d.stores} errors={errors} onChange={(stores) => set({ stores })} />
      <OfferChipField
        label='可领取的会员'
        idPrefix='eligible'
        values={[ALL_MEMBERS, ...choices.unions.map((u) => u.id)]}
        current={d.eligibleUnionId}
        name={(id) => (id === ALL_MEMBERS ? '全部会员' : `${unionName(id)}及下级`)}
        onPick={(eligibleUnionId) => set({ eligibleUnionId })}
      />
      <OfferProblem message={errors.eligibleUnionId} />
      {text('startDay', '开始日期', { placeholder: '2026-12-01' })}
      {text('endDay', '结束日期', { placeholder: '2026-12-31' })}
      {text('total', '总数量', { type: 'number' })}
      {text('limitCount', '每人限领', { type: 'number' })}
      <OfferChipField label='限领周期' values={LIMIT_PERIODS} current={d.limitPeriod} name={(p) => LIMIT_PERIOD_NAMES[p]} onPick={(limitPeriod) => set({ limitPeriod })} />
      {text('validDays', '领取后有效天数', { type: 'number' })}
      <OfferProblem message={errors._} />
      <View className='bf__row'>
        <Button id='offer-save' type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
          保存
        </Button>
        <Button id='offer-cancel' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
