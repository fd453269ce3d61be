import { useState } from 'react'
import { View, Text, Input, Textarea } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { LIMIT_PERIODS, LIMIT_PERIOD_NAMES, OFFER_CATEGORIES, OFFER_CITIES, type LimitPeriod, type OfferCategory, type OfferCity } from '@/domain/benefits/categories'
import { chinaDay } from '@/domain/benefits/time'
import { offerFormErrors } from '@/domain/benefits/offers'
import { OfferForm as OfferFormSchema, type OfferAdmin, type OfferForm } from '@/domain/contract'
import { parseInput } from '@/domain/validate'
import { CloudError } from '@/domain/errors'
import { call } from '@/services/cloud'

interface Choices {
  merchants: Array<{ id: string; name: string }>
  unions: Array<{ id: string; name: string }>
}

interface StoreDraft {
  name: string
  address: string
  latitude: string
  longitude: string
}

const blankStore: StoreDraft = { name: '', address: '', latitude: '', longitude: '' }
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
    stores: offer?.stores.length ? offer.stores.map((st) => ({ name: st.name, address: st.address, latitude: String(st.latitude), longitude: String(st.longitude) })) : [blankStore],
    eligibleUnionId: offer?.eligibleUnionId ?? ALL_MEMBERS,
    startDay: offer ? chinaDay(new Date(offer.startAt)) : '',
    endDay: offer ? chinaDay(new Date(offer.endAt)) : '',
    total: offer ? String(offer.total) : '100',
    limitCount: String(offer?.limit.count ?? 1),
    limitPeriod: offer?.limit.period ?? 'month',
    validDays: String(offer?.couponValidDays ?? 30),
  }
}

/** A typed coordinate as a number; blank is NaN, which the contract refuses with its own message. */
const coordinate = (value: string) => (value.trim() === '' ? NaN : Number(value))

const day = (value: string, end: boolean) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${end ? '23:59:59' : '00:00:00'}+08:00` : value)

/** Add or edit an offer; the cloud's field messages appear beside the fields. */
export function OfferFormView({ offer, choices, onSaved, onCancel }: { offer: OfferAdmin | null; choices: Choices; onSaved: () => void; onCancel: () => void }) {
  const [d, setD] = useState<Draft>(() => draftOf(offer, choices))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }))

  const setStore = (i: number, patch: Partial<StoreDraft>) => setD((prev) => ({ ...prev, stores: prev.stores.map((st, j) => (j === i ? { ...st, ...patch } : st)) }))

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
      stores: d.stores.map((st) => ({ name: st.name.trim(), address: st.address.trim(), latitude: coordinate(st.latitude), longitude: coordinate(st.longitude) })),
      startAt: day(d.startDay, false),
      endAt: day(d.endDay, true),
      total: Number(d.total),
      limit: { count: Number(d.limitCount), period: d.limitPeriod },
      couponValidDays: Number(d.validDays),
      eligibleUnionId: d.eligibleUnionId || null,
    }
    setErrors({})
    // The same rules as the cloud's, before sending: field shapes, then end after start.
    const local = formErrors(form, offer ? offer.claimed : 0)
    // The first problem also by the save button: the field itself may be scrolled out of sight.
    if (local) return setErrors({ _: Object.values(local)[0], ...local })
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
      {chips('商户', choices.merchants.map((m) => m.id), d.merchantId, (merchantId) => set({ merchantId }), (id) => choices.merchants.find((m) => m.id === id)?.name ?? id)}
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
      <Text className='bf__muted'>适用门店（纬度、经度用 GCJ-02，可在地图上取点）</Text>
      {d.stores.map((st, i) => (
        <View key={i} className='bf__store' data-testid='store-row'>
          <View className='bf__row'>
            <Text className='bf__muted'>门店 {i + 1}</Text>
            {d.stores.length > 1 ? (
              <Text id={`store-remove-${i}`} className='bf__chip' onClick={() => setD((prev) => ({ ...prev, stores: prev.stores.filter((_, j) => j !== i) }))}>
                删除
              </Text>
            ) : null}
          </View>
          {(['name', 'address', 'latitude', 'longitude'] as const).map((key) => (
            <View key={key} className='bf__field'>
              <Input id={`store-${i}-${key}`} className='bf__input' type={key === 'latitude' || key === 'longitude' ? 'digit' : 'text'} placeholder={STORE_LABELS[key]} value={st[key]} onInput={(e) => setStore(i, { [key]: e.detail.value })} />
              {errors[`stores.${i}.${key}`] ? <Text className='bf__tag bf__tag--warn'>{errors[`stores.${i}.${key}`]}</Text> : null}
            </View>
          ))}
        </View>
      ))}
      {errors.stores ? <Text className='bf__tag bf__tag--warn'>{errors.stores}</Text> : null}
      {d.stores.length < MAX_STORES ? (
        <Text id='store-add' className='bf__chip' onClick={() => setD((prev) => ({ ...prev, stores: [...prev.stores, blankStore] }))}>
          ＋ 添加门店
        </Text>
      ) : null}
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

const MAX_STORES = 20
const STORE_LABELS: Record<keyof StoreDraft, string> = { name: '门店名称', address: '门店地址', latitude: '纬度，如 40.8414', longitude: '经度，如 111.7522' }

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
