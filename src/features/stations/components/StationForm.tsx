import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ActionInput, StationDetail } from '@domain/contract'
import type { LatLng } from '@domain/geo'
import { AMENITIES, STATION_TYPES, TYPE_SHORT, type Amenity, type StationStatus, type StationType } from '@domain/stations/types'
import { STATUS_ACTIONS } from '@domain/stations/upkeep'
import { choiceGroup, choosable } from '@/platform/a11y'
import { PointPicker } from '@/platform/pointPicker'
import { UnionPicker } from '@/components/UnionPicker'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { PhotoList } from './PhotoList'
import './StationForm.scss'

type Form = ActionInput<'stations', 'save'>

/**
 * 新增/修改驿站: every field a station has, for a clerk of its union (or above). The cloud checks it
 * with the importer's rule and answers every reason at once; they are shown under the button. The
 * managing union is found by name in the clerk's subtree (a large one has more than a page of them).
 */
export function StationForm({ station, onSaved }: { station: StationDetail | null; onSaved(code: string): void }) {
  const [code, setCode] = useState(station?.code ?? '')
  const [name, setName] = useState(station?.name ?? '')
  const [type, setType] = useState<StationType>(station?.type ?? STATION_TYPES[0])
  const [address, setAddress] = useState(station?.address ?? '')
  const [point, setPoint] = useState<LatLng | null>(station ? { lat: station.latitude, lng: station.longitude } : null)
  const [hours, setHours] = useState(station?.hours ?? '')
  const [amenities, setAmenities] = useState<Amenity[]>(station?.amenities ?? [])
  const [phone, setPhone] = useState(station?.phone ?? '')
  const [photos, setPhotos] = useState<string[]>(station?.photos ?? [])
  const [union, setUnion] = useState(station ? { id: station.unionId, name: station.unionName } : null)
  const [status, setStatus] = useState<StationStatus>(station?.status ?? 'active')
  const [message, setMessage] = useState<string | null>(null)
  const { busy, run } = useAction('保存驿站', { inline: (failure) => setMessage(failure.message) })

  const toggle = (a: Amenity) => setAmenities((list) => (list.includes(a) ? list.filter((x) => x !== a) : [...list, a]))
  const save = async () => {
    setMessage(null)
    if (!point) return setMessage('请选择或填写驿站的位置')
    if (!union) return setMessage('请在“管理工会”中查找并选择一个工会')
    const form: Form = { code: code.trim(), name: name.trim(), type, latitude: point.lat, longitude: point.lng, address: address.trim(), hours: hours.trim(), amenities, phone: phone.trim(), photos, unionId: union.id, status, ...(station ? { expectedUpdatedAt: station.updatedAt, verifiedOn: station.verifiedOn } : {}) }
    await run(async () => {
      const saved = await call('stations', 'save', form)
      onSaved(saved.code)
    })
  }

  return (
    <View className='station-form' data-testid='station-form'>
      <Text className='station-detail__label'>站点编码（唯一，保存后不能修改）</Text>
      <Input id='form-code' className='station-form__input' placeholder='站点编码，如 XC-0101' value={code} disabled={Boolean(station)} maxlength={40} onInput={(e) => setCode(e.detail.value)} />
      <Text className='station-detail__label'>名称</Text>
      <Input id='form-name' className='station-form__input' placeholder='驿站名称' value={name} maxlength={60} onInput={(e) => setName(e.detail.value)} />
      <Text className='station-detail__label'>类型</Text>
      <View className='chips' {...choiceGroup} aria-label='站点类型'>
        {STATION_TYPES.map((t, i) => (
          <Text key={t} id={`form-type-${i}`} className={`chips__chip chips__chip--type${type === t ? ' chips__chip--on' : ''}`} {...choosable('radio', type === t, () => setType(t))}>
            {TYPE_SHORT[t]}
          </Text>
        ))}
      </View>
      <Text className='station-detail__label'>地址（写上所在区县和街道）</Text>
      <Input id='form-address' className='station-form__input' placeholder='地址，如 新城区新华大街 88 号' value={address} maxlength={120} onInput={(e) => setAddress(e.detail.value)} />
      <Text className='station-detail__label'>位置</Text>
      <PointPicker value={point} onPick={setPoint} />
      <Text className='station-detail__label'>营业时间（如 mon-fri 08:00-20:00; sat,sun 09:00-17:00，夜间 daily 22:00-06:00，全天 24h）</Text>
      <Input id='form-hours' className='station-form__input' placeholder='营业时间，如 daily 08:00-20:00 或 24h' value={hours} maxlength={200} onInput={(e) => setHours(e.detail.value)} />
      <Text className='station-detail__label'>服务设施</Text>
      <View className='chips' role='group' aria-label='服务设施'>
        {AMENITIES.map((a, i) => (
          <Text key={a} id={`form-amenity-${i}`} className={`chips__chip chips__chip--type${amenities.includes(a) ? ' chips__chip--on' : ''}`} {...choosable('checkbox', amenities.includes(a), () => toggle(a))}>
            {a}
          </Text>
        ))}
      </View>
      <Text className='station-detail__label'>联系电话（选填）</Text>
      <Input id='form-phone' className='station-form__input' type='text' placeholder='联系电话，如 0471-6661234' value={phone} maxlength={20} onInput={(e) => setPhone(e.detail.value)} />
      <PhotoList photos={photos} onChange={setPhotos} />
      <Text className='station-detail__label'>管理工会（所在区县）</Text>
      <Text className='station-form__hint' data-testid='form-union-chosen'>
        {union ? `已选：${union.name}` : '未选择：请按名称查找后点选'}
      </Text>
      <UnionPicker id='form-union' selected={union ? [union.id] : []} onPick={(u) => setUnion({ id: u.id, name: u.name })} />
      <Text className='station-detail__label'>状态</Text>
      <View className='chips' {...choiceGroup} aria-label='状态'>
        {STATUS_ACTIONS.map((s) => (
          <Text key={s.status} id={`form-status-${s.status}`} className={`chips__chip chips__chip--type${status === s.status ? ' chips__chip--on' : ''}`} {...choosable('radio', status === s.status, () => setStatus(s.status))}>
            {s.label}
          </Text>
        ))}
      </View>
      <Text className='station-form__hint'>{STATUS_ACTIONS.find((s) => s.status === status)?.hint}</Text>
      {message ? (
        <Text className='station-report__message' data-testid='form-error'>
          {message}
        </Text>
      ) : null}
      <Button id='form-save' type='primary' block loading={busy} disabled={busy} onClick={() => void save()}>
        保存
      </Button>
    </View>
  )
}
