import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { StationDetail } from '@domain/contract'
import { AMENITIES, STATION_STATUSES, STATUS_NAMES, type Amenity, type StationStatus } from '@domain/stations/types'
import { choiceGroup, choosable } from '@/platform/a11y'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'

/** For staff of the managing union: hours, amenities, status and the verified date. */
export function StationEditor({ station, onSaved }: { station: StationDetail; onSaved(): void }) {
  const [hours, setHours] = useState(station.hours)
  const [amenities, setAmenities] = useState<Amenity[]>(station.amenities)
  const [status, setStatus] = useState<StationStatus>(station.status)
  const [verifiedOn, setVerifiedOn] = useState(station.verifiedOn)
  const [message, setMessage] = useState<string | null>(null)
  const { busy: saving, run } = useAction('保存', { inline: (failure) => setMessage(failure.message) })

  const save = async () => {
    setMessage(null)
    await run(async () => {
      await call('stations', 'update', { code: station.code, expectedUpdatedAt: station.updatedAt, hours, amenities, status, verifiedOn })
      Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved()
    })
  }

  const toggle = (a: Amenity) => setAmenities((list) => (list.includes(a) ? list.filter((x) => x !== a) : [...list, a]))

  return (
    <View className='station-detail__section' data-testid='station-editor'>
      <Text className='station-detail__label'>维护站点信息（工会工作人员）</Text>
      <Text className='station-detail__label'>营业时间（如 mon-fri 08:00-20:00; sat,sun 09:00-17:00，或 24h）</Text>
      <Input id='edit-hours' className='station-detail__text' placeholder='营业时间，如 mon-fri 08:00-20:00' value={hours} onInput={(e) => setHours(e.detail.value)} />
      <View className='chips'>
        {AMENITIES.map((a, i) => (
          <Text key={a} id={`edit-amenity-${i}`} className={`chips__chip${amenities.includes(a) ? ' chips__chip--on' : ''}`} {...choosable('checkbox', amenities.includes(a), () => toggle(a))}>
            {a}
          </Text>
        ))}
      </View>
      <View className='chips' {...choiceGroup} aria-label='状态'>
        {STATION_STATUSES.map((s) => (
          <Text key={s} id={`edit-status-${s}`} className={`chips__chip${status === s ? ' chips__chip--on' : ''}`} {...choosable('radio', status === s, () => setStatus(s))}>
            {STATUS_NAMES[s]}
          </Text>
        ))}
      </View>
      <Text className='station-detail__label'>最近核实日期（YYYY-MM-DD）</Text>
      <Input id='edit-verified' className='station-detail__text' placeholder='最近核实日期，如 2026-12-01' value={verifiedOn} onInput={(e) => setVerifiedOn(e.detail.value)} />
      {message ? (
        <Text className='station-detail__label' data-testid='edit-error'>
          {message}
        </Text>
      ) : null}
      <Button type='primary' id='save-station' loading={saving} disabled={saving} onClick={() => void save()}>
        保存
      </Button>
    </View>
  )
}
