import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { roleTitle } from '@domain/admin/invite'
import type { HeldRole } from '@domain/contract'
import { formatDate } from '@domain/format'
import { MERCHANT_STATUS_NAMES } from '@domain/merchants/merchant'
import { request } from '@/services/request'
import { useAction } from '@/services/useAction'

/** By whom and when a role was granted, in a sentence. */
function grantedText(role: HeldRole): string {
  if (!role.grantedBy) return role.grantedAt ? `${formatDate(role.grantedAt)}起担任（初始数据）` : '初始数据'
  return `由 ${role.grantedBy} 邀请，${role.grantedAt ? `${formatDate(role.grantedAt)}起担任` : ''}`
}

/**
 * 我的角色: each role the person holds (which union or merchant, which role and level, granted by
 * whom and when), and 卸任 to give one up after a confirmation. Stepping down is one conditional
 * update in the cloud; the profile is then read again.
 */
export function HeldRoles({ held, onChanged }: { held: HeldRole[]; onChanged: () => Promise<void> }) {
  // The role being given up (its button shows loading); one at a time.
  const [busy, setBusy] = useState<string | null>(null)
  const steppingDown = useAction('卸任')

  const stepDown = async (role: HeldRole) => {
    const { confirm } = await Taro.showModal({
      title: '卸任',
      content: `确定不再担任“${roleTitle(role.role)}”吗？卸任后立即失去这个角色；如需恢复，请上级工会重新邀请。`,
      confirmText: '确定卸任',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy(role.id)
    await steppingDown.run(async () => {
      await request('admin', 'stepDown', { roleId: role.id })
      Taro.showToast({ title: '已卸任', icon: 'success' })
      await onChanged()
    })
    setBusy(null)
  }

  return (
    <View className='me__section' data-testid='held-roles'>
      <Text className='me__section-title'>我的角色</Text>
      {held.map((role) => (
        <View key={role.id} className='me__role' data-testid='held-role'>
          <Text className='me__role-title'>{roleTitle(role.role)}</Text>
          {role.unionPath.length > 1 ? <Text className='me__role-line'>{role.unionPath.join(' › ')}</Text> : null}
          <Text className='me__role-line'>{grantedText(role)}</Text>
          {role.merchant ? (
            <Text className='me__role-line'>
              商户{MERCHANT_STATUS_NAMES[role.merchant.status]}
              {role.merchant.status === 'active' ? '' : '，暂不能核销'}
              {role.merchant.contactName ? ` · 联系人 ${role.merchant.contactName} ${role.merchant.contactPhone}` : ''}
            </Text>
          ) : null}
          <Button id={`step-down-${role.id}`} className='me__role-action' size='large' disabled={busy !== null} loading={busy === role.id} onClick={() => void stepDown(role)}>
            卸任
          </Button>
        </View>
      ))}
    </View>
  )
}
