import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { ActionOutput, MerchantView } from '@domain/contract'
import { MERCHANT_STATUS_NAMES, type MerchantStatus } from '@domain/merchants/merchant'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { InvitationResult } from './InvitationResult'

const STATUS_CLASS: Record<MerchantStatus, string> = { active: ' adm__status--done', paused: '', closed: ' adm__status--off' }

/** One merchant in 商户管理: its details, and pause, resume, close, edit, invite a cashier. */
export function MerchantCard({ merchant, onEdit, onChanged }: { merchant: MerchantView; onEdit: () => void; onChanged: (m: MerchantView) => void }) {
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
