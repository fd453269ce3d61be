import { distanceM, formatDistance, inChina, toLatitudeLongitude, toLatLng } from '../../domain/geo'
import { describeHours, hoursToText, isOpenAt, localTime, parseHours, type Hours } from '../../domain/stations/hours'
import { parseAmenities, validateStationRow } from '../../domain/stations/station'

/** An instant given as Beijing time (UTC+8): '2026-11-23 05:59' is a Monday. */
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`)
const hours = (text: string): Hours => {
  const parsed = parseHours(text)
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.hours
}

describe('distance', () => {
  it('is zero for the same point and symmetric', () => {
    const a = { lat: 40.84, lng: 111.75 }
    const b = { lat: 40.66, lng: 109.84 }
    expect(distanceM(a, a)).toBe(0)
    expect(distanceM(a, b)).toBeCloseTo(distanceM(b, a), 6)
  })
  it('matches known distances', () => {
    // One degree of latitude is ~111.2 km on the mean sphere.
    expect(distanceM({ lat: 40, lng: 111 }, { lat: 41, lng: 111 })).toBeCloseTo(111_195, -1)
    // Hohhot to Baotou city centres: about 162 km.
    const km = distanceM({ lat: 40.8424, lng: 111.749 }, { lat: 40.6574, lng: 109.8403 }) / 1000
    expect(km).toBeGreaterThan(158)
    expect(km).toBeLessThan(166)
    // A degree of longitude shrinks with cos(latitude).
    expect(distanceM({ lat: 60, lng: 0 }, { lat: 60, lng: 1 })).toBeCloseTo(111_195 / 2, -2)
  })
  it('formats for people', () => {
    expect(formatDistance(4)).toBe('10 米')
    expect(formatDistance(349)).toBe('350 米')
    expect(formatDistance(1234)).toBe('1.2 公里')
    expect(formatDistance(35_400)).toBe('35 公里')
  })
  it('knows China’s bounding box', () => {
    expect(inChina({ lat: 40.84, lng: 111.75 })).toBe(true)
    expect(inChina({ lat: 111.75, lng: 40.84 })).toBe(false)
    expect(inChina({ lat: 48.85, lng: 2.35 })).toBe(false)
  })
})

describe('a point’s two spellings', () => {
  it('converts both ways, keeps the numbers and leaves other fields behind', () => {
    const station = { code: 'XC-01', latitude: 40.8601, longitude: 111.7702 }
    expect(toLatLng(station)).toEqual({ lat: 40.8601, lng: 111.7702 })
    expect(toLatitudeLongitude({ lat: 40.8601, lng: 111.7702 })).toEqual({ latitude: 40.8601, longitude: 111.7702 })
    expect(toLatitudeLongitude(toLatLng(station))).toEqual({ latitude: station.latitude, longitude: station.longitude })
  })
})

describe('hours', () => {
  it('reads the local time at UTC+8, Monday first', () => {
    expect(localTime(bj('2026-11-23 05:59'))).toEqual({ day: 0, minute: 359 })
    // 23:30 UTC on Sunday is 07:30 Monday in China.
    expect(localTime(new Date('2026-11-22T23:30:00Z'))).toEqual({ day: 0, minute: 450 })
  })

  it('24h is always open', () => {
    for (const t of ['2026-11-23 00:00', '2026-11-23 23:59', '2026-11-29 12:00']) expect(isOpenAt(hours('24h'), bj(t))).toBe(true)
  })

  it('a day span is open from the opening minute and closed at the closing minute', () => {
    const h = hours('daily 06:00-22:00')
    expect(isOpenAt(h, bj('2026-11-23 05:59'))).toBe(false)
    expect(isOpenAt(h, bj('2026-11-23 06:00'))).toBe(true)
    expect(isOpenAt(h, bj('2026-11-23 21:59'))).toBe(true)
    expect(isOpenAt(h, bj('2026-11-23 22:00'))).toBe(false)
  })

  it('an overnight span 22:00–06:00 runs into the next day', () => {
    const h = hours('fri 22:00-06:00')
    expect(isOpenAt(h, bj('2026-11-27 21:59'))).toBe(false) // Friday
    expect(isOpenAt(h, bj('2026-11-27 22:00'))).toBe(true)
    expect(isOpenAt(h, bj('2026-11-27 23:59'))).toBe(true)
    expect(isOpenAt(h, bj('2026-11-28 00:00'))).toBe(true) // Saturday morning, from Friday's span
    expect(isOpenAt(h, bj('2026-11-28 05:59'))).toBe(true)
    expect(isOpenAt(h, bj('2026-11-28 06:00'))).toBe(false)
    expect(isOpenAt(h, bj('2026-11-28 22:00'))).toBe(false) // Saturday has no span of its own
    expect(isOpenAt(h, bj('2026-11-27 03:00'))).toBe(false) // Friday early: Thursday had no span
  })

  it('Sunday night spans reach Monday morning', () => {
    const h = hours('sun 20:00-02:00')
    expect(isOpenAt(h, bj('2026-11-30 01:59'))).toBe(true) // Monday
    expect(isOpenAt(h, bj('2026-11-30 02:00'))).toBe(false)
  })

  it('weekdays differ, a lunch break closes, until midnight works', () => {
    const h = hours('mon-fri 07:00-12:00,13:00-20:00; sat,sun 09:00-24:00')
    expect(isOpenAt(h, bj('2026-11-23 12:30'))).toBe(false)
    expect(isOpenAt(h, bj('2026-11-23 13:00'))).toBe(true)
    expect(isOpenAt(h, bj('2026-11-28 23:59'))).toBe(true)
    expect(isOpenAt(h, bj('2026-11-29 00:00'))).toBe(false)
    expect(isOpenAt(h, bj('2026-11-28 08:59'))).toBe(false)
  })

  it('refuses malformed hours with a reason', () => {
    for (const bad of ['', 'mon 25:00-26:00', 'mon 08:00', 'xyz 08:00-10:00', 'fri-mon 08:00-10:00', 'mon 08:00-08:00', 'mon 08:00-12:00,11:00-13:00', 'mon 8-12']) {
      const parsed = parseHours(bad)
      expect(parsed.ok).toBe(false)
    }
  })

  it('round-trips through its text form and describes itself', () => {
    for (const text of ['24h', 'mon-fri 07:00-12:00,13:00-20:00; sat,sun 09:00-17:00', 'daily 22:00-06:00']) {
      expect(hours(hoursToText(hours(text)))).toEqual(hours(text))
    }
    expect(describeHours(hours('24h'))).toEqual(['24 小时营业'])
    expect(describeHours(hours('daily 22:00-06:00'))).toEqual(['每天 22:00–次日06:00'])
    expect(describeHours(hours('mon-fri 08:00-18:00; sat 09:00-12:00'))).toEqual(['周一至周五 08:00–18:00', '周六 09:00–12:00', '周日 休息'])
  })
})

describe('an import row', () => {
  const good = {
    code: 'NM000001', name: '示例驿站（演示）', type: '环卫工人爱心驿站', lat: '40.84', lng: '111.75', address: '示例路1号',
    amenities: '饮水|热饭', hours: 'daily 05:00-21:00', phone: '0471-6000000', unionId: 'hhht-xc', photos: '', verifiedOn: '2026-10-01', status: '',
  }
  it('accepts a good row and normalises it', () => {
    const result = validateStationRow(good)
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.station).toMatchObject({ lat: 40.84, lng: 111.75, amenities: ['饮水', '热饭'], status: 'active' })
    }
  })
  it.each([
    ['lat', 'abc', '经纬度须为数字'],
    ['lat', '', '经纬度须为数字'],
    ['lng', '2.35', '坐标不在中国境内'],
    ['amenities', '饮水|按摩', '未知的服务设施：按摩'],
    ['hours', 'mon 08:00-', '时间段写法不对'],
    ['type', '加油站', '未知的站点类型'],
    ['code', '', '站点编码'],
    ['verifiedOn', '2026/10/01', 'YYYY-MM-DD'],
    ['phone', 'call me', '电话格式不对'],
    ['photos', 'http://x/a.jpg', '照片须为 https://、cloud:// 或以 / 开头的本站地址：http://x/a.jpg'],
    ['photos', '//evil.example/a.jpg', '本站地址'],
    ['photos', 'photos/a.jpg', '本站地址'],
    ['photos', '/features/../../etc/passwd', '本站地址'],
    ['photos', 'javascript:alert(1)', '本站地址'],
    ['photos', Array.from({ length: 7 }, (_, i) => `/p/${i}.svg`).join('|'), '照片最多 6 张'],
    ['photos', ['/p/1.svg', 42], '照片须为地址文本'],
    ['photos', { url: '/p/1.svg' }, '照片须为地址文本'],
  ])('refuses %s = %p', (field, value, reason) => {
    const result = validateStationRow({ ...good, [field]: value })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reasons.join('；')).toContain(reason)
  })
  it('accepts photos as https, cloud:// or site-relative addresses, up to six, from CSV or JSON', () => {
    const six = Array.from({ length: 6 }, (_, i) => `/features/stations/photos/demo-${i}.svg`)
    for (const photos of [six.join('|'), six, 'https://example.com/a.jpg | cloud://env-1.abc/stations/b.png', [], '']) {
      const result = validateStationRow({ ...good, photos })
      expect(result.ok).toBe(true)
    }
    const result = validateStationRow({ ...good, photos: 'https://example.com/a.jpg | /features/stations/photos/demo-1.svg' })
    expect(result.ok && result.station.photos).toEqual(['https://example.com/a.jpg', '/features/stations/photos/demo-1.svg'])
  })
  it('lists every reason of a row at once', () => {
    const result = validateStationRow({ ...good, lat: 'x', hours: 'never', amenities: '按摩' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reasons).toHaveLength(3)
  })
  it('amenities keep a canonical order and drop repeats', () => {
    expect(parseAmenities(['热饭', '饮水', '热饭'])).toEqual({ ok: true, amenities: ['饮水', '热饭'] })
  })
})
