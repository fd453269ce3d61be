import { parseTileSource, tileOrigins, type TileSettings } from '@domain/stations/map-tiles'

/** #18 item 7: the operator's tile source for the web map, and the origins the page may load tiles from. */
const AMAP = 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}'

const parsed = (settings: TileSettings) => {
  const result = parseTileSource(settings)
  if (!result.ok) throw new Error(result.error)
  return result.source
}
const refused = (settings: TileSettings) => {
  const result = parseTileSource(settings)
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(settings)}`)
  return result.error
}

describe('the web map’s tile source', () => {
  it('none configured is the light map, with no origin to allow', () => {
    expect(parsed({})).toBeNull()
    expect(parsed({ MAP_TILE_URL: '  ' })).toBeNull()
    expect(tileOrigins(null)).toEqual([])
  })

  it('a GCJ-02 template with subdomains: each subdomain is its own origin, exactly', () => {
    const source = parsed({ MAP_TILE_URL: AMAP, MAP_TILE_SUBDOMAINS: '1, 2,3,4', MAP_TILE_ATTRIBUTION: '© 高德地图' })
    expect(source).toEqual({ url: AMAP, subdomains: ['1', '2', '3', '4'], attribution: '© 高德地图' })
    expect(tileOrigins(source)).toEqual(['https://webrd01.is.autonavi.com', 'https://webrd02.is.autonavi.com', 'https://webrd03.is.autonavi.com', 'https://webrd04.is.autonavi.com'])
  })

  it('without {s}: one origin, its port kept; {-y} (TMS rows, as 腾讯 numbers them) is a row too', () => {
    const source = parsed({ MAP_TILE_URL: 'https://tiles.example.cn:8443/t?x={x}&y={-y}&z={z}&key=abc', MAP_TILE_ATTRIBUTION: '© 腾讯地图' })
    expect(tileOrigins(source)).toEqual(['https://tiles.example.cn:8443'])
    // Plain http only to this machine (a local tile server; the e2e's stand-in).
    expect(tileOrigins(parsed({ MAP_TILE_URL: 'http://127.0.0.1:9000/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '本机' }))).toEqual(['http://127.0.0.1:9000'])
  })

  it.each([
    ['plain http to another machine', { MAP_TILE_URL: 'http://tiles.example.cn/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'a' }, 'https://'],
    ['no {z}', { MAP_TILE_URL: 'https://tiles.example.cn/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'a' }, '{z}'],
    ['an unknown placeholder', { MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png?k={key}', MAP_TILE_ATTRIBUTION: 'a' }, '{key}'],
    ['{s} without subdomains', { MAP_TILE_URL: AMAP, MAP_TILE_ATTRIBUTION: 'a' }, 'MAP_TILE_SUBDOMAINS'],
    ['subdomains without {s}', { MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png', MAP_TILE_SUBDOMAINS: 'a,b', MAP_TILE_ATTRIBUTION: 'a' }, '{s}'],
    ['a subdomain that would change the host', { MAP_TILE_URL: AMAP, MAP_TILE_SUBDOMAINS: '1,evil.cn/x', MAP_TILE_ATTRIBUTION: 'a' }, '逗号分隔'],
    ['no attribution', { MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png' }, 'MAP_TILE_ATTRIBUTION'],
    ['credentials in the URL', { MAP_TILE_URL: 'https://u:p@tiles.example.cn/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'a' }, '密码'],
    ['not a URL', { MAP_TILE_URL: 'tiles/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'a' }, '有效的网址'],
    ['settings without a URL', { MAP_TILE_ATTRIBUTION: '© 高德地图' }, 'MAP_TILE_URL'],
  ] as const)('refuses %s, in Chinese', (_label, settings, says) => {
    const error = refused(settings)
    expect(error).toContain(says)
    expect(error).toMatch(/[\u4e00-\u9fff]/)
  })
})
