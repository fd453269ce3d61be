import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { joinLinkFor, joinLinkNote } from '@/platform/joinLink'
import { useCloud } from '@/services/useCloud'
import { Choices } from '@/components/Choices'
import { QrCode } from '../../components/QrCode'
import '../../join.scss'

/** Union staff print their union's join QR (扫码入会 poster); print-friendly: the code, the name, one line. */
export default function Poster() {
  const list = useCloud('review', 'posterUnions', {})
  const unions = list.data?.unions
  const [chosen, setChosen] = useState<string | null>(null)
  const union = unions?.find((u) => u.id === chosen) ?? unions?.[0]
  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(unions)} onRetry={() => void list.reload()}>
      <View className='join'>
        {unions && unions.length > 1 ? <Choices id='poster-union' options={unions.map((u) => ({ value: u.id, label: u.name }))} value={union?.id} onChange={setChosen} /> : null}
        {union ? (
          <View className='join-card__qr' data-testid='join-poster'>
            <Text className='join-union__name'>{union.name}</Text>
            <Text className='join-card__hint'>扫码加入工会</Text>
            <QrCode text={joinLinkFor(union.id)} size={280} />
            <Text className='join-card__hint'>
              {joinLinkNote} · 工会编码 {union.id}
            </Text>
          </View>
        ) : unions ? (
          <Text className='join-find__hint'>您所在工会及下级中没有可直接接收会员的工会</Text>
        ) : null}
      </View>
    </PageShell>
  )
}
