/** Rest stations (户外劳动者服务站点 / 爱心驿站): the vocabulary every layer shares. */

/** Kinds of place (#18 item 6): new ones go at the end, so stored data and generated sets keep their meaning. */
export const STATION_TYPES = ['户外劳动者服务站点', '环卫工人爱心驿站', '爱心妈咪小屋', '职工之家', '困难职工帮扶中心', '法律援助点', '职工书屋', '心理咨询室'] as const
export type StationType = (typeof STATION_TYPES)[number]

/** Short names for the filter chips and what a search by another common name also finds (母婴室). */
export const TYPE_SHORT: Record<StationType, string> = {
  户外劳动者服务站点: '户外驿站',
  环卫工人爱心驿站: '环卫驿站',
  爱心妈咪小屋: '母婴室',
  职工之家: '职工之家',
  困难职工帮扶中心: '帮扶中心',
  法律援助点: '法律援助',
  职工书屋: '职工书屋',
  心理咨询室: '心理咨询',
}

/** What a station offers; the filter chips and the detail's icons use this order. */
export const AMENITIES = ['饮水', '热饭', '充电', '如厕', '休息', '空调/取暖', '应急药箱', 'Wi-Fi', '换电柜', '图书'] as const
export type Amenity = (typeof AMENITIES)[number]

/** active: open to visitors as its hours say; suspended: temporarily out of service; closed: withdrawn. */
export const STATION_STATUSES = ['active', 'suspended', 'closed'] as const
export type StationStatus = (typeof STATION_STATUSES)[number]

export const STATUS_NAMES: Record<StationStatus, string> = { active: '正常服务', suspended: '暂停服务', closed: '已撤销' }

/** The fallback when location is refused or unavailable: city centres (GCJ-02). */
export const FALLBACK_CITIES = [
  { key: 'hohhot', name: '呼和浩特', lat: 40.8424, lng: 111.7490 },
  { key: 'baotou', name: '包头', lat: 40.6574, lng: 109.8403 },
  { key: 'ordos', name: '鄂尔多斯', lat: 39.6086, lng: 109.7813 },
  { key: 'chifeng', name: '赤峰', lat: 42.2578, lng: 118.8869 },
] as const
export type FallbackCity = (typeof FALLBACK_CITIES)[number]

/** The search limits the cloud accepts (and the app uses). */
export const NEARBY_LIMITS = { maxK: 100, defaultK: 20, minRadiusM: 100, maxRadiusM: 200_000, defaultRadiusM: 20_000 } as const
