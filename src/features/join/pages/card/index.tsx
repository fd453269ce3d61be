import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { formatDate } from '@domain/format'
import { useCloud } from '@/services/useCloud'
import { QrCode } from '../../components/QrCode'
import '../../join.scss'

/** The card's code lasts minutes; refresh a little before it expires. */
const REFRESH_MS = 4 * 60 * 1000

/**
 * 电子会员证: name, union, number, join date, the ID number masked, and a QR code that carries only
 * a signed, expiring token (member.verifyCard checks it for merchants and stations).
 */
export default function MemberCardPage() {
  const card = useCloud('member', 'card', {})
  const { reload } = card
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [reload])
  const data = card.data
  return (
    <PageShell error={card.error} loading={card.loading} hasData={Boolean(data)} onRetry={() => void card.reload()}>
      {data ? (
        <View className='join'>
          <View className='join-card' data-testid='member-card'>
            <Text className='join-card__label'>工会会员证</Text>
            <Text className='join-card__name' data-testid='card-name'>
              {data.name}
            </Text>
            <Text className='join-card__union'>{data.union.name}</Text>
            <Text className='join-card__row'>会员编号 {data.memberNo}</Text>
            <Text className='join-card__row'>入会日期 {formatDate(data.joinedAt)}</Text>
            {data.idMasked ? <Text className='join-card__row'>身份证号 {data.idMasked}</Text> : null}
          </View>
          <View className='join-card__qr'>
            <QrCode text={data.token} />
            <Text className='join-card__hint'>向商户或驿站出示此码核验会员身份；码内不含个人信息，{formatTime(data.tokenExpiresAt)}前有效。</Text>
            <Button id='card-refresh' size='small' onClick={() => void card.reload()}>
              刷新会员码
            </Button>
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}

function formatTime(iso: string): string {
  const d = new Date(iso)
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}
