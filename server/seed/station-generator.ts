import { AMENITIES, STATION_TYPES, type Amenity } from '../../domain/stations/types'

/**
 * A realistic, entirely fictional station data set of any size (every name says 示例…（演示）):
 * stations cluster around city centres with a tail into the countryside, with the mix of types,
 * hours and amenities real networks have. Deterministic for a given seed.
 * The demo seed (server/seed/stations.ts) and the station benchmark draw from it; the command that
 * writes one to a file is scripts/stations/generate.ts.
 */
export interface Area {
  name: string
  lat: number
  lng: number
  /** Relative share of the stations. */
  weight: number
  /** The union that manages stations here (must exist in the store being imported into). */
  unionIds: string[]
}

export const DEMO_AREAS: Area[] = [
  { name: '呼和浩特', lat: 40.8424, lng: 111.749, weight: 4, unionIds: ['hhht-xc', 'hhht-hm', 'hhht-xc-hw'] },
  { name: '包头', lat: 40.6574, lng: 109.8403, weight: 3, unionIds: ['nmg'] },
  { name: '鄂尔多斯', lat: 39.6086, lng: 109.7813, weight: 2, unionIds: ['nmg'] },
  { name: '赤峰', lat: 42.2578, lng: 118.8869, weight: 2, unionIds: ['nmg'] },
]

const CITY_CENTRES: Array<[string, number, number, number]> = [
  ['北京', 39.9042, 116.4074, 9], ['上海', 31.2304, 121.4737, 9], ['广州', 23.1291, 113.2644, 8], ['深圳', 22.5431, 114.0579, 8],
  ['成都', 30.5728, 104.0668, 7], ['重庆', 29.563, 106.5516, 7], ['杭州', 30.2741, 120.1551, 6], ['武汉', 30.5928, 114.3055, 6],
  ['西安', 34.3416, 108.9398, 5], ['南京', 32.0603, 118.7969, 5], ['天津', 39.3434, 117.3616, 5], ['郑州', 34.7466, 113.6254, 5],
  ['长沙', 28.2282, 112.9388, 4], ['沈阳', 41.8057, 123.4315, 4], ['青岛', 36.0671, 120.3826, 4], ['济南', 36.6512, 117.1201, 4],
  ['哈尔滨', 45.8038, 126.535, 3], ['长春', 43.8171, 125.3235, 3], ['昆明', 25.0389, 102.7183, 3], ['南宁', 22.817, 108.3665, 3],
  ['福州', 26.0745, 119.2965, 3], ['合肥', 31.8206, 117.2272, 3], ['南昌', 28.682, 115.8579, 3], ['贵阳', 26.647, 106.6302, 3],
  ['太原', 37.8706, 112.5489, 3], ['石家庄', 38.0428, 114.5149, 3], ['兰州', 36.0611, 103.8343, 2], ['乌鲁木齐', 43.8256, 87.6168, 2],
  ['呼和浩特', 40.8424, 111.749, 2], ['包头', 40.6574, 109.8403, 1], ['银川', 38.4872, 106.2309, 1], ['西宁', 36.6171, 101.7782, 1],
  ['拉萨', 29.65, 91.1, 1], ['海口', 20.044, 110.1999, 1], ['厦门', 24.4798, 118.0894, 2], ['苏州', 31.2989, 120.5853, 3],
]

export const NATIONWIDE_AREAS: Area[] = CITY_CENTRES.map(([name, lat, lng, weight]) => ({ name, lat, lng, weight, unionIds: name === '呼和浩特' ? ['hhht-xc', 'hhht-hm'] : ['nmg'] }))

const HOURS = [
  ['24h', 7],
  ['daily 06:00-22:00', 30],
  ['daily 05:00-21:00', 15],
  ['mon-fri 08:00-18:00; sat,sun 09:00-17:00', 20],
  ['mon-fri 08:30-17:30', 10],
  ['daily 22:00-06:00', 4],
  ['daily 07:00-12:00,13:00-20:00', 14],
] as const

/** Drawn from the first six types; the two #18 added are given to every 97th / 89th station by number, so the random stream (and every other field) stays as it was. */
const TYPE_WEIGHTS = [55, 25, 6, 8, 3, 3, 0, 0]
const typeOf = (i: number, drawn: string) => (i % 97 === 0 ? '职工书屋' : i % 89 === 0 ? '心理咨询室' : drawn)
const AMENITY_CHANCE: Record<Amenity, number> = { 饮水: 0.95, 热饭: 0.6, 充电: 0.8, 如厕: 0.75, 休息: 0.9, '空调/取暖': 0.55, 应急药箱: 0.6, 'Wi-Fi': 0.45, 换电柜: 0.12, 图书: 0.35 }

/** The bundled illustrative photos (src/features/stations/photos/, copied to the same path in both builds). */
export const DEMO_PHOTOS = [1, 2, 3, 4].map((n) => `/features/stations/photos/demo-${n}.svg`)

/**
 * Photos for the ith station: none for every fifth, else one to three of the demo pictures. Taken
 * from i, not from the random stream, so adding photos left every other generated field as it was.
 */
export function photosFor(i: number): string[] {
  if (i % 5 === 0) return []
  return Array.from({ length: 1 + (i % 3) }, (_, k) => DEMO_PHOTOS[(i + k) % DEMO_PHOTOS.length])
}

/** mulberry32: a small seeded PRNG, so the same seed gives the same data set. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pickWeighted<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0)
  let r = random() * total
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]
    if (r < 0) return items[i]
  }
  return items[items.length - 1]
}

export interface GeneratedRow {
  code: string
  name: string
  type: string
  lat: number
  lng: number
  address: string
  amenities: string
  hours: string
  phone: string
  unionId: string
  photos: string
  verifiedOn: string
  status: string
}

export function generateStations(count: number, areas: Area[], options: { seed?: number; codePrefix?: string } = {}): GeneratedRow[] {
  const random = rng(options.seed ?? 6)
  const prefix = options.codePrefix ?? 'CN'
  const rows: GeneratedRow[] = []
  for (let i = 1; i <= count; i++) {
    const area = pickWeighted(random, areas, areas.map((a) => a.weight))
    // Most stations within a few km of the centre, a tail out to ~40 km.
    const spreadKm = random() < 0.8 ? 6 : 40
    const dist = Math.sqrt(-2 * Math.log(1 - random())) * spreadKm * 0.6
    const angle = random() * 2 * Math.PI
    const lat = +(area.lat + (dist / 111.2) * Math.cos(angle)).toFixed(6)
    const lng = +(area.lng + (dist / (111.2 * Math.cos((area.lat * Math.PI) / 180))) * Math.sin(angle)).toFixed(6)
    const type = typeOf(i, pickWeighted(random, STATION_TYPES, TYPE_WEIGHTS))
    const amenities = AMENITIES.filter((a) => random() < AMENITY_CHANCE[a])
    const hours = pickWeighted(random, HOURS.map((h) => h[0]), HOURS.map((h) => h[1]))
    const month = 1 + Math.floor(random() * 10)
    rows.push({
      code: `${prefix}${String(i).padStart(6, '0')}`,
      name: `示例${type.replace(/(服务站点|爱心驿站|小屋|之家|帮扶中心|援助点|书屋|咨询室)$/, '')}驿站（演示）#${i}`,
      type,
      lat,
      lng,
      address: `${area.name}示例路${1 + Math.floor(random() * 300)}号（演示地址）`,
      amenities: (amenities.length ? amenities : ['饮水']).join('|'),
      hours,
      phone: `0471-${String(6000000 + Math.floor(random() * 999999)).padStart(7, '0')}`,
      unionId: area.unionIds[Math.floor(random() * area.unionIds.length)],
      photos: photosFor(i).join('|'),
      verifiedOn: `2026-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      status: random() < 0.02 ? 'suspended' : 'active',
    })
  }
  return rows
}
