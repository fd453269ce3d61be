import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { useCloud } from '@/services/useCloud'
import { StationForm } from '../../components/StationForm'
import '../../stations.scss'

/** 新增驿站 (no code) or 修改驿站 (`?code=`): the whole station, for clerks of its union or above. */
export default function EditStationPage() {
  const raw = useRouter().params.code
  const code = raw ? decodeURIComponent(raw) : ''
  const station = useCloud('stations', 'get', { code }, Boolean(code))
  const ready = !code || Boolean(station.data)
  return (
    <PageShell error={station.error} loading={station.loading} hasData={ready} onRetry={() => void station.reload()}>
      {ready ? (
        <View className='station-detail'>
          <StationForm
            station={code ? (station.data ?? null) : null}
            onSaved={(saved) => {
              void Taro.showToast({ title: '已保存', icon: 'success' })
              void Taro.redirectTo({ url: `/features/stations/pages/detail/index?code=${encodeURIComponent(saved)}` })
            }}
          />
        </View>
      ) : null}
    </PageShell>
  )
}
