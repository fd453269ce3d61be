import { useState } from 'react'
import { View, Text, Input, Textarea } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { LIMIT_PERIODS, LIMIT_PERIOD_NAMES, OFFER_CATEGORIES, OFFER_CITIES, type LimitPeriod, type OfferCategory, type OfferCity } from '@/domain/benefits/categories'
import { offerFormErrors } from '@/domain/benefits/offers'
import { OfferForm as OfferFormSchema, type OfferAdmin, type OfferForm, type OfferStore } from '@/domain/contract'
import { chinaDayBound, chinaToday } from '@/domain/time'
import { parseInput } from '@/domain/validate'
import { CloudError } from '@/domain/errors'
import { call } from '@/services/cloud'
import { StoreFields, draftsOf, isBlank, storesOf, type StoreDraft } from '@/components/StoreFields'
import { revealFirstError } from '@/platform/revealError'

interface Choices {
  /** The merchants of the clerk's subtree (the cloud refuses any other), with their stores. */
  merchants: Array<{ id: string; name: string; stores?: OfferStore[] }>
  unions: Array<{ id: string; name: string }>
}

const ALL_MEMBERS = ''

interface Draft {
  title: string
  category: OfferCategory
  merchantId: string
  unionId: string
  city: OfferCity
  county: string
  description: string
  rules: string
  stores: StoreDraft[]
  /** '' for every member. */
  eligibleUnionId: string
  startDay: string
  endDay: string
  total: string
  limitCount: string
  limitPeriod: LimitPeriod
  validDays: string
}

function draftOf(offer: OfferAdmin | null, choices: Choices): Draft {
  return {
    title: offer?.title ?? '',
    category: (offer?.category as OfferCategory | undefined) ?? '日常生活',
    merchantId: offer?.merchantId ?? choices.merchants[0]?.id ?? '',
    unionId: offer?.unionId ?? choices.unions[0]?.id ?? '',
    city: (offer?.city as OfferCity | undefined) ?? '呼和浩特',
    county: offer?.county ?? '',
    description: offer?.description ?? '',
    rules: (offer?.rules ?? ['仅限工会会员本人使用，不得转让']).join('\n'),
    stores: draftsOf(offer?.stores ?? []),
    eligibleUnionId: offer?.eligibleUnionId ?? ALL_MEMBERS,
    startDay: offer ? chinaToday(new Date(offer.startAt)) : '',
    endDay: offer ? chinaToday(new Date(offer.endAt)) : '',
    total: offer ? String(offer.total) : '100',
    limitCount: String(offer?.limit.count ?? 1),
    limitPeriod: offer?.limit.period ?? 'month',
    validDays: String(offer?.couponValidDays ?? 30),
  }
}

/** Add or edit an offer; the cloud's field messages appear beside the fields. */
export function OfferFormView({ offer, choices, onSaved, onCancel }: { offer: OfferAdmin | null; choices: Choices; onSaved: () => void; onCancel: () => void }) {
  const [d, setD] = useState<Draft>(() => draftOf(offer, choices))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }))

  // Picking a merchant fills the stores from it while none are typed yet: its stores are where offers are used.
  const pickMerchant = (merchantId: string) =>
    setD((prev) => {
      const stores = choices.merchants.find((m) => m.id === merchantId)?.stores ?? []
      return { ...prev, merchantId, ...(isBlank(prev.stores) && stores.length ? { stores: draftsOf(stores) } : {}) }
    })

  const save = async () => {
    const form: OfferForm = {
      ...(offer ? { id: offer.id } : {}),
      unionId: d.unionId,
      merchantId: d.merchantId,
      title: d.title,
      category: d.category,
      city: d.city,
      county: d.county,
      description: d.description,
      rules: d.rules.split('\n').map((r) => r.trim()).filter(Boolean),
      stores: storesOf(d.stores),
      startAt: chinaDayBound(d.startDay, 'first'),
      endAt: chinaDayBound(d.endDay, 'last'),
      total: Number(d.total),
      limit: { count: Number(d.limitCount), period: d.limitPeriod },
      couponValidDays: Number(d.validDays),
      eligibleUnionId: d.eligibleUnionId || null,
    }
    setErrors({})
    // The same rules as the cloud's, before sending: field shapes, then end after start.
    const local = formErrors(form, offer ? offer.claimed : 0)
    // The first problem also by the save button: the field itself may be scrolled out of sight.
    if (local) {
      setErrors({ _: Object.values(local)[0], ...local })
      return revealFirstError('.bf__tag--warn')
    }
    setBusy(true)
    try {
      await call('benefits', 'saveOffer', form)
      onSaved()
    } catch (e) {
      const failure = e instanceof CloudError ? e : new CloudError('INTERNAL')
      setErrors(failure.fields ?? { _: failure.message })
    } finally {
      setBusy(false)
    }
  }

  const field = (key: keyof Draft, label: string, props: { placeholder?: string; type?: 'number' | 'text' } = {}) => (
    <View className='bf__field'>
      <Text className='bf__muted'>{label}</Text>
      <Input id={`offer-${key}`} className='bf__input' type={props.type ?? 'text'} placeholder={props.placeholder} value={String(d[key])} onInput={(e) => set({ [key]: e.detail.value } as Partial<Draft>)} />
      {errors[fieldKey(key)] ? <Text className='bf__tag bf__tag--warn'>{errors[fieldKey(key)]}</Text> : null}
    </View>
  )
  const chips = <T extends string>(label: string, values: readonly T[], current: T, pick: (v: T) => void, name: (v: T) => string = (v) => v, idPrefix?: string) => (
    <View className='bf__field'>
      <Text className='bf__muted'>{label}</Text>
      <View className='bf__chips bf__chips--wrap'>
        {values.map((v) => (
          <Text key={v} id={idPrefix ? `${idPrefix}-${v || 'all'}` : undefined} className={`bf__chip${v === current ? ' bf__chip--on' : ''}`} onClick={() => pick(v)}>
            {name(v)}
          </Text>
        ))}
      </View>
    </View>
  )

  return (
    <View className='bf__card' data-testid='offer-form'>
      <Text className='bf__title'>{offer ? '修改福利' : '新增福利'}</Text>
      {field('title', '福利名称')}
      {chips('类别', OFFER_CATEGORIES, d.category, (category) => set({ category }))}
      {chips('商户', choices.merchants.map((m) => m.id), d.merchantId, pickMerchant, (id) => choices.merchants.find((m) => m.id === id)?.name ?? id, 'merchant')}
      {!choices.merchants.length ? <Text className='bf__tag bf__tag--warn'>本工会及下级还没有登记商户：请先在“我的 → 商户管理”登记</Text> : null}
      {errors.merchantId ? <Text className='bf__tag bf__tag--warn'>{errors.merchantId}</Text> : null}
      {chips('所属工会', choices.unions.map((u) => u.id), d.unionId, (unionId) => set({ unionId }), (id) => choices.unions.find((u) => u.id === id)?.name ?? id)}
      {chips('城市', OFFER_CITIES, d.city, (city) => set({ city }))}
      {field('county', '旗县区')}
      <View className='bf__field'>
        <Text className='bf__muted'>福利说明</Text>
        <Textarea id='offer-description' className='bf__input' value={d.description} onInput={(e) => set({ description: e.detail.value })} />
        {errors.description ? <Text className='bf__tag bf__tag--warn'>{errors.description}</Text> : null}
      </View>
      <View className='bf__field'>
        <Text className='bf__muted'>使用规则（每行一条）</Text>
        <Textarea id='offer-rules' className='bf__input' value={d.rules} onInput={(e) => set({ rules: e.detail.value })} />
      </View>
      <StoreFields stores={d.stores} errors={errors} onChange={(stores) => set({ stores })} />
      {chips('可领取的会员', [ALL_MEMBERS, ...choices.unions.map((u) => u.id)], d.eligibleUnionId, (eligibleUnionId) => set({ eligibleUnionId }), (id) => (id === ALL_MEMBERS ? '全部会员' : `${choices.unions.find((u) => u.id === id)?.name ?? id}及下级`), 'eligible')}
      {errors.eligibleUnionId ? <Text className='bf__tag bf__tag--warn'>{errors.eligibleUnionId}</Text> : null}
      {field('startDay', '开始日期', { placeholder: '2026-12-01' })}
      {field('endDay', '结束日期', { placeholder: '2026-12-31' })}
      {field('total', '总数量', { type: 'number' })}
      {field('limitCount', '每人限领', { type: 'number' })}
      {chips('限领周期', LIMIT_PERIODS, d.limitPeriod, (limitPeriod) => set({ limitPeriod }), (p) => LIMIT_PERIOD_NAMES[p])}
      {field('validDays', '领取后有效天数', { type: 'number' })}
      {errors._ ? <Text className='bf__tag bf__tag--warn'>{errors._}</Text> : null}
      <View className='bf__row'>
        <Button id='offer-save' type='primary' loading={busy} onClick={() => void save()}>
          保存
        </Button>
        <Button id='offer-cancel' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}

/** Where the cloud reports a draft field's error (its path in OfferForm). */
function fieldKey(key: keyof Draft): string {
  const map: Partial<Record<keyof Draft, string>> = { startDay: 'startAt', endDay: 'endAt', limitCount: 'limit.count', validDays: 'couponValidDays' }
  return map[key] ?? key
}

/** The contract's field messages and the form rules, checked in the app; null when the form may be sent. */
function formErrors(form: OfferForm, claimed: number): Record<string, string> | null {
  try {
    parseInput(OfferFormSchema, form)
  } catch (e) {
    if (e instanceof CloudError) return e.fields ?? { _: e.message }
    throw e
  }
  const rules = offerFormErrors(form, claimed)
  return Object.keys(rules).length ? rules : null
}
