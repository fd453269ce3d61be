/** The four services on 首页. `path` is the entry of the service's subpackage, null until it opens. */
export interface ServiceEntry {
  key: 'join' | 'benefits' | 'stations' | 'aid'
  title: string
  description: string
  badge: string
  path: string | null
}

export const SERVICES: ServiceEntry[] = [
  { key: 'join', title: '入会 / 转会', description: '扫码入会，换工作会籍不断档', badge: '会', path: '/features/join/pages/entry/index' },
  { key: 'benefits', title: '普惠福利', description: '会员专享优惠，线上领券到店核销', badge: '惠', path: '/features/benefits/pages/list/index' },
  { key: 'stations', title: '驿站地图', description: '找最近的户外劳动者服务站点', badge: '站', path: '/features/stations/pages/map/index' },
  { key: 'aid', title: '金秋助学', description: '困难职工子女助学金申请', badge: '学', path: '/features/aid/pages/index/index' },
]

/** Public pages anyone may open from 首页, signed in or not, with no location asked for. */
export const PUBLIC_LINKS: Array<{ key: string; title: string; description: string; path: string }> = [
  { key: 'aid-notice', title: '金秋助学公示', description: '公示期内的助学名单，人人可查', path: '/features/aid/pages/notice/index' },
]
