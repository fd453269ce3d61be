import type { TileSource } from '@domain/stations/map-tiles'

/** #18 item 7: what the page takes from the <meta> the server writes (server/static.ts); a source that does not hold is the light map. */
function readWith(content: string | null): TileSource | null {
  document.head.innerHTML = content === null ? '' : `<meta name="union-map-tiles" content="${content.replace(/"/g, '&quot;')}">`
  let source: TileSource | null = null
  // The module reads the page once: a fresh copy for each case.
  jest.isolateModules(() => {
    source = (require('@/platform/map-tiles') as typeof import('@/platform/map-tiles')).mapTileSource()
  })
  return source
}

afterEach(() => {
  document.head.innerHTML = ''
})

const good = { url: 'https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}', subdomains: ['1', '2'], attribution: '© 高德地图' }

describe('the web map’s tile source, as the page reads it', () => {
  it('none in the page: the light map', () => {
    expect(readWith(null)).toBeNull()
  })

  it('the server’s source, as given', () => {
    expect(readWith(JSON.stringify(good))).toEqual(good)
  })

  it.each([
    ['not JSON', '{url:'],
    ['plain http to another machine', JSON.stringify({ ...good, url: 'http://tiles.example.cn/{z}/{x}/{y}.png', subdomains: [] })],
    ['no attribution', JSON.stringify({ ...good, attribution: '' })],
    ['a subdomain list that is not a list', JSON.stringify({ ...good, subdomains: '12' })],
  ])('%s: the light map', (_label, content) => {
    expect(readWith(content)).toBeNull()
  })
})
