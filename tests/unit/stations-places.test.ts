import { distanceM, inChina } from '../../domain/geo'
import { PLACES, placeLabel, searchPlaces, shortName } from '../../domain/stations/places'
import { FALLBACK_CITIES } from '../../domain/stations/types'

const names = (text: string) => searchPlaces(text).map((p) => p.name)

describe('the place gazetteer', () => {
  it('holds every county-level division of Inner Mongolia, its 12 cities and leagues, and the larger cities of China', () => {
    const im = PLACES.filter((p) => p.kind === 'county')
    expect(im).toHaveLength(103)
    expect(PLACES.filter((p) => p.parent === '内蒙古自治区')).toHaveLength(12)
    expect(PLACES.length).toBeLessThan(300)
    expect(new Set(PLACES.map((p) => `${p.parent}/${p.name}`)).size).toBe(PLACES.length)
    for (const p of PLACES) expect(inChina(p)).toBe(true)
    // Each county lies within 600 km (额济纳旗 is 530 km from 阿拉善盟's seat) of its city or league's centre (catches swapped or mistyped coordinates).
    for (const county of im) {
      const city = PLACES.find((p) => p.name === county.parent)!
      expect(distanceM(county, city)).toBeLessThan(600_000)
    }
    // The fallback city centres agree with the gazetteer.
    for (const c of FALLBACK_CITIES) {
      const p = PLACES.find((x) => x.name === `${c.name}市`)!
      expect(distanceM(p, c)).toBeLessThan(1000)
    }
  })

  it('shortens names as people type them', () => {
    expect(shortName('固阳县')).toBe('固阳')
    expect(shortName('达尔罕茂明安联合旗')).toBe('达尔罕茂明安')
    expect(shortName('白云鄂博矿区')).toBe('白云鄂博')
    expect(shortName('鄂伦春自治旗')).toBe('鄂伦春')
    expect(shortName('香港')).toBe('香港')
  })

  it('finds exact names, short names, prefixes and parts, cities first', () => {
    expect(names('固阳县')[0]).toBe('固阳县')
    expect(names('固阳')[0]).toBe('固阳县')
    expect(names('包头')).toEqual(['包头市'])
    expect(names('赤峰')[0]).toBe('赤峰市')
    // 鄂托克 is 鄂托克旗's short name: exact first.
    expect(names('鄂托克')).toEqual(['鄂托克旗', '鄂托克前旗'])
    expect(names('巴尔虎')).toEqual(['陈巴尔虎旗', '新巴尔虎左旗', '新巴尔虎右旗'])
    expect(names('广')).toEqual(['广州市'])
    expect(names('新城')).toEqual(['新城区'])
    expect(names(' 锡林 浩特 ')[0]).toBe('锡林浩特市')
  })

  it('reads a longer text that names the place, the last named first', () => {
    expect(names('包头市固阳县')[0]).toBe('固阳县')
    expect(names('内蒙古包头市固阳县')[0]).toBe('固阳县')
    expect(names('呼和浩特市赛罕区')[0]).toBe('赛罕区')
    expect(names('浙江省杭州市')[0]).toBe('杭州市')
  })

  it('answers nothing for nothing, or for a place it does not know', () => {
    expect(searchPlaces('')).toEqual([])
    expect(searchPlaces('   ')).toEqual([])
    expect(searchPlaces('纽约')).toEqual([])
    expect(searchPlaces('旗', 5)).toHaveLength(5)
  })

  it('labels a place with its city or province', () => {
    expect(placeLabel(searchPlaces('固阳')[0])).toBe('固阳县 · 包头市')
    expect(placeLabel(searchPlaces('北京')[0])).toBe('北京市')
  })
})
