import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { STATUS_NAMES } from '@domain/stations/types'
import { PageShell } from '@/components/PageShell'
import { tappable } from '@/platform/a11y'
import { useCloud } from '@/services/useCloud'
import '../../components/StationList.scss'
import '../../components/StationSearch.scss'
import '../../stations.scss'
import './index.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * 驿站管理: a clerk's stations (their union's and those below, paused and retired too), newest
 * change first or found by name or code; 新增驿站, 批量导入 and the reports queue from here.
 */
export default function ManageStationsPage() {
  const [q, setQ] = useState('')
  const [asked, setAsked] = useState('')
  const list = useCloud('stations', 'managed', asked ? { q: asked } : {})
  useDidShow(() => void list.reload())
  const data = list.data
  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(data)} onRetry={() => void list.reload()}>
      <View className='station-detail' data-testid='station-manage'>
        <View className='station-detail__actions'>
          <Button id='manage-add' type='primary' onClick={() => go('/features/stations/pages/edit/index')}>
            新增驿站
          </Button>
          <Button id='manage-import' onClick={() => go('/features/stations/pages/import/index')}>
            批量导入
          </Button>
          <Button id='manage-reports' onClick={() => go('/features/stations/pages/reports/index')}>
            问题反馈
          </Button>
        </View>
        <View className='station-search__row'>
          <Input id='manage-q' className='station-search__input' placeholder='按名称或站点编码查找' value={q} maxlength={30} onInput={(e) => setQ(e.detail.value)} onConfirm={() => setAsked(q.trim())} />
          <Button id='manage-search' size='small' onClick={() => setAsked(q.trim())}>
            查找
          </Button>
        </View>
        {data?.stations.length ? (
          data.stations.map((s) => (
            <View key={s.code} className='station-list__row' data-testid='managed-station'>
              {/* The name is the link (its label holds what it shows); the line below only describes. */}
              <Text className='station-list__name station-manage__link' {...tappable('link', `修改驿站：${s.name}`)} onClick={() => go(`/features/stations/pages/edit/index?code=${encodeURIComponent(s.code)}`)}>
                {s.name}
              </Text>
              <Text className='station-list__address'>
                {s.code} · {s.unionName} · {STATUS_NAMES[s.status]}
              </Text>
            </View>
          ))
        ) : data ? (
          <Text className='station-list__empty'>没有找到驿站</Text>
        ) : null}
      </View>
    </PageShell>
  )
}
