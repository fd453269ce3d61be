import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { StoreFields, draftsOf, storesOf, type StoreDraft } from '@/components/StoreFields'
import { MerchantForm as MerchantFormSchema, type JoinUnion, type MerchantForm, type MerchantView } from '@domain/contract'
import { fieldProblems, withFirstProblem } from '@domain/validate'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { revealFirstError } from '@/platform/revealError'
import { UnionPicker } from '@/components/UnionPicker'

interface Draft {
  name: string
  union: { id: string; name: string } | null
  contactName: string
  contactPhone: string
  stores: StoreDraft[]
  serves: Array<{ id: string; name: string }>
}

const draftOf = (m: MerchantView | null): Draft => ({
  name: m?.name ?? '',
  union: m?.union ?? null,
  contactName: m?.contactName ?? '',
  contactPhone: m?.contactPhone ?? '',
  stores: draftsOf(m?.stores ?? []),
  serves: m?.serves ?? [],
})

/** 登记商户 / 修改: the contract's field messages appear by the fields, checked before sending and again by the cloud. */
export function MerchantFormView({ merchant, onSaved, onCancel }: { merchant: MerchantView | null; onSaved: (saved: MerchantView) => void; onCancel: () => void }) {
  const [d, setD] = useState<Draft>(() => draftOf(merchant))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { busy, run } = useAction('保存', { inline: (failure) => setErrors({ _: failure.message, ...(failure.fields ?? {}) }) })
  const [picking, setPicking] = useState<'union' | 'serves' | null>(merchant ? null : 'union')
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }))

  const pickUnion = (union: JoinUnion) => {
    // The union it is registered under serves its members unless other unions are chosen.
    set({ union: { id: union.id, name: union.name }, serves: d.serves.length ? d.serves : [{ id: union.id, name: union.name }] })
    setPicking(null)
  }
  const toggleServed = (union: JoinUnion) => set({ serves: d.serves.some((u) => u.id === union.id) ? d.serves.filter((u) => u.id !== union.id) : [...d.serves, { id: union.id, name: union.name }] })

  const save = async () => {
    const form: MerchantForm = {
      ...(merchant ? { id: merchant.id } : {}),
      unionId: d.union?.id ?? '',
      name: d.name,
      contactName: d.contactName,
      contactPhone: d.contactPhone,
      stores: storesOf(d.stores),
      servesUnionIds: d.serves.map((u) => u.id),
    }
    setErrors({})
    const fields = fieldProblems(MerchantFormSchema, form)
    // The first problem also by the save button: the field itself may be scrolled out of sight.
    if (Object.keys(fields).length) {
      setErrors(withFirstProblem(fields))
      return revealFirstError('.adm__problem')
    }
    await run(async () => onSaved(await call('admin', 'saveMerchant', form)))
  }

  const field = (key: 'name' | 'contactName' | 'contactPhone', label: string, placeholder: string, disabled = false) => (
    <View className='adm__stack'>
      <Text className='adm__label'>{label}</Text>
      <Input id={`merchant-${key}`} className='adm__input' type={key === 'contactPhone' ? 'number' : 'text'} placeholder={placeholder} ariaLabel={label} value={d[key]} disabled={disabled} maxlength={key === 'contactPhone' ? 11 : 40} onInput={(e) => set({ [key]: e.detail.value })} />
      {errors[key] ? <Text className='adm__problem'>{errors[key]}</Text> : null}
    </View>
  )

  return (
    <View className='adm__card' data-testid='merchant-form'>
      <Text className='adm__title'>{merchant ? `修改：${merchant.name}` : '登记商户'}</Text>
      {field('name', '商户名称', '如：示例便民超市', Boolean(merchant))}
      {merchant ? <Text className='adm__muted'>商户名称和登记工会登记后不能修改。</Text> : null}
      <Text className='adm__label'>登记工会：{d.union?.name ?? '请选择'}</Text>
      {errors.unionId ? <Text className='adm__problem'>{errors.unionId}</Text> : null}
      {!merchant && picking !== 'union' ? (
        <Button id='merchant-pick-union' className='adm__action' onClick={() => setPicking('union')}>
          更改登记工会
        </Button>
      ) : null}
      {picking === 'union' ? <UnionPicker id='merchant-union' selected={d.union ? [d.union.id] : []} onPick={pickUnion} /> : null}
      {field('contactName', '联系人', '姓名')}
      {field('contactPhone', '联系人手机号', '11 位手机号')}
      <StoreFields stores={d.stores} errors={errors} onChange={(stores) => set({ stores })} />
      <Text className='adm__label'>服务哪些工会的会员（含其下级）</Text>
      <Text className='adm__text' data-testid='merchant-serves'>
        {d.serves.length ? d.serves.map((u) => u.name).join('、') : '尚未选择'}
      </Text>
      {errors.servesUnionIds ? <Text className='adm__problem'>{errors.servesUnionIds}</Text> : null}
      {picking === 'serves' ? (
        <UnionPicker id='merchant-serves' multiple selected={d.serves.map((u) => u.id)} onPick={toggleServed} />
      ) : (
        <Button id='merchant-pick-serves' className='adm__action' onClick={() => setPicking('serves')}>
          选择服务的工会
        </Button>
      )}
      {errors._ ? (
        <Text className='adm__problem' data-testid='merchant-problem'>
          {errors._}
        </Text>
      ) : null}
      <View className='adm__row'>
        <Button id='merchant-save' className='adm__action' type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
          保存
        </Button>
        <Button id='merchant-cancel' className='adm__action' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
