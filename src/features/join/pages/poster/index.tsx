import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { Choices } from '@/components/Choices'
import { CloudError } from '@/domain/errors'
import { call } from '@/services/cloud'
import { useCloud } from '@/services/useCloud'
import { PosterCode } from '../../components/PosterCode'
import '../../join.scss'

const APPROVAL = [
  { value: 'manual', label: '逐个审核' },
  { value: 'auto', label: '提交即通过' },
] as const

/**
 * Union staff print their union's join QR (扫码入会 poster; print-friendly: the code, the name, one
 * line) and choose whether its applications need a clerk or are approved at once.
 */
export default function Poster() {
  const list = useCloud('review', 'posterUnions', {})
  const unions = list.data?.unions
  const [chosen, setChosen] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const union = unions?.find((u) => u.id === chosen) ?? unions?.[0]

  const setApproval = async (value: string) => {
    if (!union || saving || (value === 'auto') === union.autoApprove) return
    setSaving(true)
    try {
      await call('review', 'setAutoApprove', { unionId: union.id, autoApprove: value === 'auto' })
      await list.reload()
      Taro.showToast({ title: value === 'auto' ? '已设为提交即通过' : '已设为逐个审核', icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: e instanceof CloudError ? e.message : '保存失败，请重试', icon: 'none', duration: 3000 })
    } finally {
      setSaving(false)
    }
  }

  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(unions)} onRetry={() => void list.reload()}>
      <View className='join'>
        {unions && unions.length > 1 ? <Choices id='poster-union' options={unions.map((u) => ({ value: u.id, label: u.name }))} value={union?.id} onChange={setChosen} /> : null}
        {union ? (
          <>
            <View className='join-card__qr' data-testid='join-poster'>
              <Text className='join-union__name'>{union.name}</Text>
              <Text className='join-card__hint'>扫码加入工会</Text>
              <PosterCode unionId={union.id} />
            </View>
            <View className='join-poster__settings' data-testid='auto-approve'>
              <Text className='join-find__hint'>入会申请</Text>
              <Choices id='auto-approve' options={APPROVAL} value={union.autoApprove ? 'auto' : 'manual'} onChange={(value) => void setApproval(value)} />
              <Text className='join-card__hint'>
                {union.autoApprove ? '申请提交后立即成为会员，无需人工审核；每次通过都有记录。' : '申请由本工会或上级工会工作人员审核后通过。'}
              </Text>
            </View>
          </>
        ) : unions ? (
          <Text className='join-find__hint'>您所在工会及下级中没有可直接接收会员的工会</Text>
        ) : null}
      </View>
    </PageShell>
  )
}
