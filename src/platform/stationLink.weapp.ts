import { stationScanText } from '@domain/stations/checkin'

/**
 * In WeChat the poster is the station's 小程序码 from the cloud (stations.poster). This text is what
 * the stand-in QR carries while that loads or when WeChat cannot make it: `station=<code>`, which
 * 扫码打卡 understands (domain/stations/checkin.ts stationFromScan).
 */
export const checkInLinkFor = stationScanText

export const checkInLinkNote = '在小程序驿站页面“扫码打卡”中扫描此码'
