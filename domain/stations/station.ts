import { inChina } from '../geo'
import { parseHours, type Hours } from './hours'
import { AMENITIES, STATION_STATUSES, STATION_TYPES, type Amenity, type StationStatus, type StationType } from './types'

/** A station's own data, as an import row or an edit produces it (the cloud adds unionPath and times). */
export interface StationData {
  /** Stable code (站点编码) that identifies the station across imports. */
  code: string
  name: string
  type: StationType
  /** GCJ-02, as given. */
  lat: number
  lng: number
  address: string
  amenities: Amenity[]
  hours: Hours
  phone: string
  unionId: string
  photos: string[]
  /** YYYY-MM-DD of the last on-site check (最近核实日期). */
  verifiedOn: string
  status: StationStatus
}

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/
export const PHONE_PATTERN = /^(\d{3,4}-?\d{7,8}|1\d{10}|400-?\d{3}-?\d{4}|)$/
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export function isAmenity(value: string): value is Amenity {
  return (AMENITIES as readonly string[]).includes(value)
}

/** Amenities written as "饮水|热饭" (or an array), each known, without repeats, in canonical order. */
export function parseAmenities(value: unknown): { ok: true; amenities: Amenity[] } | { ok: false; reason: string } {
  const items = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[|、]/) : null
  if (!items) return { ok: false, reason: '服务设施格式不对' }
  const names = items.map((s) => s.trim()).filter(Boolean)
  const unknown = names.filter((n) => !isAmenity(n))
  if (unknown.length) return { ok: false, reason: `未知的服务设施：${unknown.join('、')}` }
  return { ok: true, amenities: AMENITIES.filter((a) => names.includes(a)) }
}

/** A station shows at most six photos (#18 item 5): enough for the door, the inside and what it offers. */
export const MAX_PHOTOS = 6
/** https://…, WeChat cloud storage (cloud://…), or a path on this site (/features/stations/photos/…). */
const PHOTO_PATTERN = /^(https:\/\/[^\s/]+\/\S*|cloud:\/\/\S+|\/(?!\/)\S+)$/

/** Photos written as "a|b" (CSV) or an array of strings (JSON): each an address we can show, at most MAX_PHOTOS. */
export function parsePhotos(value: unknown): { ok: true; photos: string[] } | { ok: false; reason: string } {
  if (value === undefined || value === null || value === '') return { ok: true, photos: [] }
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split('|').map((p) => p.trim()).filter(Boolean) : null
  if (!items || items.some((p) => typeof p !== 'string')) return { ok: false, reason: '照片须为地址文本（多张用 | 分隔）' }
  const photos = items as string[]
  if (photos.length > MAX_PHOTOS) return { ok: false, reason: `照片最多 ${MAX_PHOTOS} 张` }
  const bad = photos.find((p) => p.length > 500 || !PHOTO_PATTERN.test(p) || p.split('/').includes('..'))
  if (bad !== undefined) return { ok: false, reason: `照片须为 https://、cloud:// 或以 / 开头的本站地址：${bad.slice(0, 60)}` }
  return { ok: true, photos }
}

function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string' && value.trim() !== '' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value)
  return null
}

const str = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '')

export type RowResult = { ok: true; station: StationData } | { ok: false; reasons: string[] }

/**
 * Checks one import row (CSV columns or a JSON object with the same keys) and says every reason
 * it is refused: code, name, type, lat, lng, address, amenities, hours, phone, unionId, photos,
 * verifiedOn, status.
 */
export function validateStationRow(row: Record<string, unknown>): RowResult {
  const reasons: string[] = []
  const code = str(row.code)
  if (!CODE_PATTERN.test(code)) reasons.push('站点编码须为 2–40 位字母、数字、- 或 _')
  const name = str(row.name)
  if (!name || name.length > 60) reasons.push('名称须为 1–60 个字')
  const type = str(row.type)
  if (!(STATION_TYPES as readonly string[]).includes(type)) reasons.push(`未知的站点类型：${type || '（空）'}`)
  const lat = num(row.lat)
  const lng = num(row.lng)
  if (lat === null || lng === null) reasons.push('经纬度须为数字')
  else if (!inChina({ lat, lng })) reasons.push(`坐标不在中国境内：${lat},${lng}`)
  const address = str(row.address)
  if (!address || address.length > 120) reasons.push('地址须为 1–120 个字')
  const amenities = parseAmenities(row.amenities ?? '')
  if (!amenities.ok) reasons.push(amenities.reason)
  const hours = parseHours(str(row.hours))
  if (!hours.ok) reasons.push(hours.reason)
  const phone = str(row.phone)
  if (!PHONE_PATTERN.test(phone)) reasons.push(`电话格式不对：${phone}`)
  const unionId = str(row.unionId)
  if (!unionId) reasons.push('缺少管理工会')
  const photos = parsePhotos(row.photos)
  if (!photos.ok) reasons.push(photos.reason)
  const verifiedOn = str(row.verifiedOn)
  if (!DATE_PATTERN.test(verifiedOn)) reasons.push('最近核实日期须为 YYYY-MM-DD')
  const status = str(row.status) || 'active'
  if (!(STATION_STATUSES as readonly string[]).includes(status)) reasons.push(`未知的状态：${status}`)
  if (reasons.length || lat === null || lng === null || !amenities.ok || !hours.ok || !photos.ok) return { ok: false, reasons }
  return {
    ok: true,
    station: { code, name, type: type as StationType, lat, lng, address, amenities: amenities.amenities, hours: hours.hours, phone, unionId, photos: photos.photos, verifiedOn, status: status as StationStatus },
  }
}
