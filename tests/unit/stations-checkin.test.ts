import { CHECKIN_PAGE, stationCodeFromQuery, stationFromScan, stationScanText } from '../../domain/stations/checkin'

describe('the station code a check-in page or a scan carries (#18 item 3)', () => {
  it('reads a 小程序码 scene, the web link and the stand-in QR; nothing else', () => {
    expect(stationCodeFromQuery({ scene: 'NM0001' })).toBe('NM0001')
    expect(stationCodeFromQuery({ code: encodeURIComponent('NM_0001') })).toBe('NM_0001')
    expect(stationCodeFromQuery({})).toBeNull()
    expect(stationCodeFromQuery({ code: '  ' })).toBeNull()

    expect(stationFromScan({ text: '', path: `${CHECKIN_PAGE}?scene=NM0001` })).toBe('NM0001')
    expect(stationFromScan({ text: '', path: `/${CHECKIN_PAGE}?scene=NM%2D1` })).toBe('NM-1')
    expect(stationFromScan({ text: `https://union.example/#/${CHECKIN_PAGE}?code=NM0002`, path: null })).toBe('NM0002')
    expect(stationFromScan({ text: stationScanText('NM0003'), path: null })).toBe('NM0003')
    // A union's join poster, a coupon token, another page's 小程序码: not a station.
    expect(stationFromScan({ text: '', path: 'features/join/pages/entry/index?scene=hhht-xc-kd' })).toBeNull()
    expect(stationFromScan({ text: 'union=hhht-xc-kd', path: null })).toBeNull()
    expect(stationFromScan({ text: 'NM0001', path: null })).toBeNull()
  })
})
