import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ListMore } from '@/components/ListMore'
import { PageShell } from '@/components/PageShell'
import { StoreFields, draftsOf, storesOf, type StoreDraft } from '@/components/StoreFields'
import { MerchantForm as MerchantFormSchema, type ActionOutput, type JoinUnion, type MerchantForm, type MerchantView } from '@domain/contract'
import { MERCHANT_STATUS_NAMES, type MerchantStatus } from '@domain/merchants/merchant'
import { fieldProblems, withFirstProblem } from '@domain/validate'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { usePagedList } from '@/services/usePagedList'
import { revealFirstError } from '@/platform/revealError'
import { InvitationResult } from '../../components/InvitationResult'
import { UnionPicker } from '../../components/UnionPicker'
import '../../admin.scss'


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
function MerchantFormView({ merchant, onSaved, onCancel }: { merchant: MerchantView | null; onSaved: (saved: MerchantView) => void; onCancel: () => void }) {
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

const STATUS_CLASS: Record<MerchantStatus, string> = { active: ' adm__status--done', paused: '', closed: ' adm__status--off' }

function MerchantCard({ merchant, onEdit, onChanged }: { merchant: MerchantView; onEdit: () => void; onChanged: (m: MerchantView) => void }) {
  const [invited, setInvited] = useState<ActionOutput<'admin', 'invite'> | null>(null)
  const { busy, run } = useAction('更改商户')
  const move = (status: MerchantStatus, done: string) =>
    run(async () => {
      if (status === 'closed') {
        const { confirm } = await Taro.showModal({ title: '关闭商户', content: `关闭后不能恢复：“${merchant.name}”的福利不能再领取，核销员不能再核销。确定关闭吗？`, confirmText: '确定关闭', cancelText: '不关闭' })
        if (!confirm) return
      }
      onChanged(await call('admin', 'setMerchantStatus', { id: merchant.id, status }))
      Taro.showToast({ title: done, icon: 'success' })
    })
  const inviteCashier = () => run(async () => setInvited(await call('admin', 'invite', { grant: { kind: 'merchant_staff', merchantId: merchant.id } })))

  return (
    <View className='adm__card' data-testid='merchant-item' data-status={merchant.status}>
      <Text className={`adm__status${STATUS_CLASS[merchant.status]}`}>{MERCHANT_STATUS_NAMES[merchant.status]}</Text>
      <Text className='adm__title'>{merchant.name}</Text>
      <Text className='adm__muted'>登记工会：{merchant.union.name}</Text>
      <Text className='adm__text'>
        联系人：{merchant.contactName || '未填写'} {merchant.contactPhone}
      </Text>
      {merchant.stores.map((st, i) => (
        <Text key={i} className='adm__muted'>
          门店：{st.name}（{st.address}）
        </Text>
      ))}
      <Text className='adm__muted'>服务：{merchant.serves.map((u) => u.name).join('、')}的会员</Text>
      <Text className='adm__muted'>核销员 {merchant.cashiers} 人</Text>
      {invited ? <InvitationResult invitation={invited.invitation} item={invited.item} onDone={() => setInvited(null)} /> : null}
      {merchant.status !== 'closed' ? (
        <View className='adm__row'>
          {merchant.status === 'active' ? (
            <Button id={`invite-cashier-${merchant.id}`} className='adm__action' type='primary' disabled={busy} onClick={() => void inviteCashier()}>
              邀请核销员
            </Button>
          ) : null}
          <Button id={`edit-merchant-${merchant.id}`} className='adm__action' disabled={busy} onClick={onEdit}>
            修改
          </Button>
          <Button id={`toggle-merchant-${merchant.id}`} className='adm__action' disabled={busy} onClick={() => void (merchant.status === 'active' ? move('paused', '已暂停') : move('active', '已恢复'))}>
            {merchant.status === 'active' ? '暂停合作' : '恢复合作'}
          </Button>
          <Button id={`close-merchant-${merchant.id}`} className='adm__action' disabled={busy} onClick={() => void move('closed', '已关闭')}>
            关闭
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/**
 * 商户管理 (union clerks): the merchants registered in their subtree, by name, 50 a page; register
 * one, edit its contact, stores and the unions it serves; pause, resume or close it; invite its
 * cashiers (核销员). A paused or closed merchant cannot redeem and its offers cannot be claimed.
 */
export default function Merchants() {
  const [includeClosed, setIncludeClosed] = useState(false)
  const list = usePagedList('admin', 'merchants', { includeClosed })
  const [editing, setEditing] = useState<MerchantView | 'new' | null>(null)
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(list.items)} onRetry={() => void list.reload()}>
      <View className='adm' data-testid='merchants'>
        {editing ? (
          <MerchantFormView
            merchant={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null)
              Taro.showToast({ title: '已保存', icon: 'success' })
              if (list.items?.some((m) => m.id === saved.id)) list.replace(saved)
              else void list.reload()
            }}
          />
        ) : (
          <Button id='merchant-add' className='adm__action' type='primary' block onClick={() => setEditing('new')}>
            登记商户
          </Button>
        )}
        {list.items ? (
          <>
            {!list.items.length ? <Text className='adm__muted'>本工会及下级还没有登记商户</Text> : null}
            {list.items.map((merchant) => (
              <MerchantCard key={merchant.id} merchant={merchant} onEdit={() => setEditing(merchant)} onChanged={list.replace} />
            ))}
            <ListMore id='merchants-more' more={Boolean(list.nextCursor)} loading={list.loadingMore} onMore={() => void list.loadMore()} endText={list.items.length ? `共 ${list.items.length} 个商户` : null} endTestId='merchants-end' />
            <Button id='merchants-closed' className='adm__action' block onClick={() => setIncludeClosed(!includeClosed)}>
              {includeClosed ? '不显示已关闭的商户' : '显示已关闭的商户'}
            </Button>
          </>
        ) : null}
      </View>
    </PageShell>
  )
}
