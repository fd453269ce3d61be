import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import type { ActionOutput } from '@domain/contract'
import { stationCodeFromQuery } from '@domain/stations/checkin'
import { STATUS_NAMES } from '@domain/stations/types'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { useCloud } from '@/services/useCloud'
import { useMayCall } from '@/services/useMayCall'
import { StationHeading } from '../../components/StationHeading'
import '../../stations.scss'
import './index.scss'

type CheckedIn = ActionOutput<'stations', 'checkIn'>

/**
 * 打卡: what a station's poster opens (its 小程序码 with `scene`, the web QR with `?code=`). It shows
 * the station and counts a visit only on the tap, so a link preview or a reload counts nothing.
 * Signed in, a person counts once a day here; signed out, it counts too, within a daily cap.
 */
export default function CheckInPage() {
  const code = stationCodeFromQuery(useRouter().params) ?? ''
  const detail = useCloud('stations', 'get', { code }, Boolean(code))
  const s = detail.data
  const signedIn = useMayCall('stations', 'helpful')
  const [done, setDone] = useState<CheckedIn | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const { busy, run } = useAction('打卡', { inline: (failure) => setProblem(failure.message) })

  const checkIn = () =>
    void run(async () => {
      setProblem(null)
      setDone(await call('stations', 'checkIn', { code }))
    })

  return (
    <PageShell public missing={!code} error={detail.error} loading={detail.loading} hasData={Boolean(s)} onRetry={() => void detail.reload()}>
      {s ? (
        <View className='station-detail' data-testid='station-checkin'>
          <View className='station-detail__section'>
            <StationHeading s={s} />
            <Text className='station-detail__text'>{s.address}</Text>
          </View>
          <View className='station-detail__section'>
            {s.status !== 'active' ? (
              <Text className='station-warning' data-testid='checkin-closed'>
                {STATUS_NAMES[s.status]}：{s.status === 'closed' ? '这个驿站已撤销，不能打卡' : '暂停期间打卡不计数'}
              </Text>
            ) : done ? (
              <View className='station-checkin__done' data-testid='checkin-done' {...({ role: 'status' } as object)}>
                <Text className='station-checkin__verdict'>✓ 已打卡</Text>
                <Text className='station-detail__text' data-testid='checkin-result'>
                  {done.result === 'already' ? `今天（${done.day}）已经在这里打过卡了，每人每天只计一次` : `${done.day} 到访已记录，谢谢！`}
                </Text>
              </View>
            ) : (
              <>
                <Button id='check-in' type='primary' block loading={busy} disabled={busy} onClick={checkIn}>
                  打卡
                </Button>
                <Text className='station-detail__label'>{signedIn ? '每人每天在一个驿站计一次，只记次数，不记录是谁' : '未登录也可以打卡；只记次数，不记录是谁'}</Text>
              </>
            )}
            {problem ? (
              <Text className='station-report__message' data-testid='checkin-problem'>
                {problem}
              </Text>
            ) : null}
            <Button id='checkin-detail' block onClick={() => void Taro.redirectTo({ url: `/features/stations/pages/detail/index?code=${encodeURIComponent(s.code)}` })}>
              查看驿站详情
            </Button>
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}
