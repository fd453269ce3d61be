import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { canPrint, printPage } from '@/platform/print'
import { useCloud } from '@/services/useCloud'
import { CheckInCode } from '../../components/CheckInCode'
import { TypeIcon } from '../../components/TypeIcon'
import { cardCheckPage } from '../../links'
import '../../components/StationList.scss'
import '../../stations.scss'
import './index.scss'

/**
 * A station's 打卡 poster, for staff of its managing union: the name, the kind and the code to scan,
 * laid out to print on A4 (the web's print hides everything else); in WeChat the 小程序码 is saved
 * by a long press. Below it, 会员核验 at this station.
 */
export default function StationPosterPage() {
  const code = decodeURIComponent(useRouter().params.code ?? '')
  const poster = useCloud('stations', 'poster', { code }, Boolean(code))
  const p = poster.data
  return (
    <PageShell missing={!code} error={poster.error} loading={poster.loading} hasData={Boolean(p)} onRetry={() => void poster.reload()}>
      {p ? (
        <View className='station-poster'>
          <View className='station-poster__sheet' data-testid='station-poster'>
            <Text className='station-poster__title'>扫码打卡</Text>
            <Text className='station-poster__name' data-testid='poster-station-name'>
              {p.name}
            </Text>
            <View className='station-list__meta'>
              <TypeIcon type={p.type} />
              <Text className='station-list__type'>{p.type}</Text>
            </View>
            <CheckInCode code={p.code} fileId={p.fileId} />
            <Text className='station-poster__union'>{p.unionName}</Text>
          </View>
          <View className='station-poster__actions'>
            {p.status === 'suspended' ? <Text className='station-warning'>这个驿站正在暂停服务：暂停期间扫码打卡不计数。</Text> : null}
            {canPrint ? (
              <Button id='print-poster' type='primary' block onClick={printPage}>
                打印海报
              </Button>
            ) : null}
            <Button id='station-card-check' block onClick={() => void Taro.navigateTo({ url: cardCheckPage(p.code) })}>
              在本驿站核验会员码
            </Button>
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}
