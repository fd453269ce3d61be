import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { formatDate } from '@domain/format'
import { TRANSFER_STATUS_NAMES } from '@domain/transfer/machine'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { useCloud } from '@/services/useCloud'
import { TransferSteps } from '../../components/TransferSteps'
import './index.scss'

/** The member's transfer: where it stands, a way to withdraw, the last result, and 会籍记录. */
export default function TransferStatus() {
  const mine = useCloud('transfer', 'mine', {})
  useDidShow(() => {
    if (mine.data) void mine.reload()
  })
  usePullDownRefresh(() => {
    void mine.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const data = mine.data
  const withdrawing = useAction('撤回')

  const withdraw = async (transferId: string) => {
    const { confirm } = await Taro.showModal({ title: '撤回转会', content: '撤回后会籍留在原工会，可以重新发起。确定撤回吗？' })
    if (!confirm) return
    await withdrawing.run(async () => {
      await call('transfer', 'withdraw', { transferId })
      Taro.showToast({ title: '已撤回', icon: 'success' })
    })
    await mine.reload()
  }

  return (
    <PageShell error={mine.error} loading={mine.loading} hasData={Boolean(data)} onRetry={() => void mine.reload()}>
      {data ? (
        <View className='transfer-status'>
          {data.current ? (
            <>
              <TransferSteps transfer={data.current} />
              <Button id='withdraw-transfer' block loading={withdrawing.busy} disabled={withdrawing.busy} onClick={() => void withdraw(data.current!.id)}>
                撤回转会
              </Button>
            </>
          ) : (
            <View className='transfer-status__none'>
              {data.last ? (
                <Text data-testid='last-transfer'>
                  上一次转会（{formatDate(data.last.createdAt)}）：{TRANSFER_STATUS_NAMES[data.last.status]}
                  {data.last.rejectReason ? `，原因：${data.last.rejectReason}` : ''}
                </Text>
              ) : (
                <Text>换了工作，或单位没有工会？把会籍转到新单位或属地工会，会员编号和入会时间不变。</Text>
              )}
              <Button id='start-transfer' type='primary' block onClick={() => Taro.navigateTo({ url: '/features/transfer/pages/start/index' })}>
                发起转会
              </Button>
            </View>
          )}
          <View className='transfer-status__history' data-testid='membership-history'>
            <Text className='transfer-status__title'>会籍记录</Text>
            {data.history.map((period) => (
              <View key={`${period.union.id}-${period.from}`} className='transfer-status__period'>
                <Text>{period.union.name}</Text>
                <Text className='transfer-status__dates'>
                  {formatDate(period.from)} — {period.to ? formatDate(period.to) : '至今'}
                </Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}
