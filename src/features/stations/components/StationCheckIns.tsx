import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { stationFromScan } from '@domain/stations/checkin'
import type { StationStatus } from '@domain/stations/types'
import { canScan, scanCode } from '@/platform/scan'
import { cardCheckPage, checkInPage, posterPage } from '../links'

/**
 * 打卡 on a station's page: in WeChat 扫码打卡 reads a station's poster (any station's: it opens
 * that station's check-in); for staff of the managing union, the poster to print and 会员核验 here.
 */
export function StationCheckIns({ code, status, staff }: { code: string; status: StationStatus; staff: boolean }) {
  const scan = async () => {
    const scanned = await scanCode({ cameraOnly: true })
    if (!scanned) return
    const found = stationFromScan(scanned)
    if (found) void Taro.navigateTo({ url: checkInPage(found) })
    else void Taro.showToast({ title: '这不是驿站的打卡码，请扫描驿站张贴的打卡海报', icon: 'none', duration: 3000 })
  }
  if (status === 'closed' || (!canScan && !staff)) return null
  return (
    <View className='station-detail__section' data-testid='station-checkins'>
      <Text className='station-detail__label'>打卡</Text>
      <View className='station-helpful'>
        {canScan ? (
          <Button id='scan-check-in' type='primary' onClick={() => void scan()}>
            扫码打卡
          </Button>
        ) : null}
        {staff ? (
          <Button id='open-station-poster' onClick={() => void Taro.navigateTo({ url: posterPage(code) })}>
            打卡海报
          </Button>
        ) : null}
        {staff ? (
          <Button id='open-station-card-check' onClick={() => void Taro.navigateTo({ url: cardCheckPage(code) })}>
            在本驿站核验会员码
          </Button>
        ) : null}
      </View>
    </View>
  )
}
