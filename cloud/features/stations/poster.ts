import type { ActionOutput, ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { CHECKIN_PAGE, SCENE_MAX } from '../../../domain/stations/checkin'
import type { ActionContext } from '../../lib/context'
import { cachedMiniCode } from '../../lib/miniCode'
import { requireStaffOf } from '../../lib/roles'
import { stationsDb } from './collections'
import { loadStation } from './detail'

/**
 * A station's 打卡 poster, for staff of its managing union (or a union above it): its name and
 * kind, and in WeChat the 小程序码 of the check-in page with the station's code as its scene. In the
 * embedded home (no 小程序码) and for a code longer than a scene, no file: the page draws a QR of
 * the web check-in link (or, in WeChat, of `station=<code>`, which 扫码打卡 reads).
 */
export async function stationPoster(input: ActionParsed<'stations', 'poster'>, ctx: ActionContext): Promise<ActionOutput<'stations', 'poster'>> {
  const station = await loadStation(ctx, input.code)
  const union = await requireStaffOf(ctx, station.unionId)
  if (station.status === 'closed') throw new CloudError('STATION_RETIRED', '这个驿站已撤销，不能再打印打卡海报')
  const scene = station._id
  const fileId = ctx.wechat && scene.length <= SCENE_MAX ? await cachedMiniCode(ctx, ctx.wechat, stationsDb(ctx.store).codes, `/${CHECKIN_PAGE}`, scene, 'station-codes') : null
  return { code: station._id, name: station.name, type: station.type, unionName: union.name, status: station.status, fileId }
}
