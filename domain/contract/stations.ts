import * as v from 'valibot'
import { defineAction } from './define'
import { IsoTime } from './common'
import { AMENITIES, NEARBY_LIMITS, STATION_STATUSES, STATION_TYPES } from '../stations/types'
import { DATE_PATTERN } from '../stations/station'

export const Latitude = v.pipe(v.number('纬度须为数字'), v.finite('纬度须为数字'), v.minValue(-90, '纬度须在 -90 到 90 之间'), v.maxValue(90, '纬度须在 -90 到 90 之间'))
export const Longitude = v.pipe(v.number('经度须为数字'), v.finite('经度须为数字'), v.minValue(-180, '经度须在 -180 到 180 之间'), v.maxValue(180, '经度须在 -180 到 180 之间'))
const Amenity = v.picklist(AMENITIES, '未知的服务设施')
const StationType = v.picklist(STATION_TYPES, '未知的站点类型')
const StationStatus = v.picklist(STATION_STATUSES, '未知的站点状态')
const Code = v.pipe(v.string('请提供站点编码'), v.minLength(1, '请提供站点编码'), v.maxLength(40, '站点编码过长'))

/**
 * What every view of a station shows: who, where, what it offers. A point in the contract is
 * `latitude`/`longitude` (GCJ-02) everywhere, as WeChat's own APIs name it (wx.getLocation,
 * wx.openLocation, map markers) and as an offer's stores already did; `{ lat, lng }` stays the
 * domain's internal shape for distance maths (domain/geo.ts) and the stored station's.
 */
const StationBasics = {
  code: v.string(),
  name: v.string(),
  type: StationType,
  latitude: v.number(),
  longitude: v.number(),
  address: v.string(),
  amenities: v.array(Amenity),
}

/** One station in a search result: enough for a marker and a list row. */
export const StationSummary = v.object({
  ...StationBasics,
  allDay: v.boolean(),
  openNow: v.boolean(),
  distanceM: v.number(),
})
export type StationSummary = v.InferOutput<typeof StationSummary>

export const StationDetail = v.object({
  ...StationBasics,
  /** "周一至周五 07:00–20:00"… for display. */
  hoursText: v.array(v.string()),
  /** The editable form, as the import files write it ("24h", "mon-fri 07:00-20:00"). */
  hours: v.string(),
  openNow: v.boolean(),
  phone: v.string(),
  photos: v.array(v.string()),
  unionName: v.string(),
  verifiedOn: v.string(),
  status: StationStatus,
  updatedAt: IsoTime,
  /** Whether the caller is staff of the managing union (and may edit). */
  canEdit: v.boolean(),
})
export type StationDetail = v.InferOutput<typeof StationDetail>

export const stations = {
  nearby: defineAction({
    access: 'public',
    summary: '离一个位置最近的 k 个驿站（可按类型、服务设施、是否营业中筛选），附距离',
    input: v.strictObject({
      latitude: Latitude,
      longitude: Longitude,
      radiusM: v.optional(
        v.pipe(v.number('搜索半径须为数字'), v.finite('搜索半径须为数字'), v.minValue(NEARBY_LIMITS.minRadiusM, `搜索半径至少 ${NEARBY_LIMITS.minRadiusM} 米`), v.maxValue(NEARBY_LIMITS.maxRadiusM, `搜索半径最多 ${NEARBY_LIMITS.maxRadiusM / 1000} 公里`)),
        NEARBY_LIMITS.defaultRadiusM,
      ),
      k: v.optional(
        v.pipe(v.number('数量须为数字'), v.integer('数量须为整数'), v.minValue(1, '数量至少为 1'), v.maxValue(NEARBY_LIMITS.maxK, `一次最多查 ${NEARBY_LIMITS.maxK} 个驿站`)),
        NEARBY_LIMITS.defaultK,
      ),
      types: v.optional(v.pipe(v.array(StationType, '站点类型格式不对'), v.maxLength(STATION_TYPES.length, '站点类型过多'))),
      amenities: v.optional(v.pipe(v.array(Amenity, '服务设施格式不对'), v.maxLength(AMENITIES.length, '服务设施过多'))),
      openNow: v.optional(v.boolean('“营业中”须为是或否')),
    }),
    output: v.object({ stations: v.array(StationSummary), at: IsoTime }),
  }),
  get: defineAction({
    access: 'public',
    summary: '一个驿站的详情：设施、营业时间、电话、照片、管理工会',
    input: v.strictObject({ code: Code }),
    output: StationDetail,
  }),
  update: defineAction({
    access: 'user',
    summary: '管理工会的工作人员修改驿站的营业时间、设施、状态、核实日期（留痕）',
    input: v.strictObject({
      code: Code,
      /** The updatedAt the editor saw: a change by someone else meanwhile is a CONFLICT. */
      expectedUpdatedAt: v.pipe(v.string('缺少版本信息'), v.minLength(1, '缺少版本信息')),
      hours: v.optional(v.pipe(v.string('营业时间格式不对'), v.maxLength(200, '营业时间过长'))),
      amenities: v.optional(v.pipe(v.array(Amenity, '服务设施格式不对'), v.maxLength(AMENITIES.length, '服务设施过多'))),
      status: v.optional(StationStatus),
      verifiedOn: v.optional(v.pipe(v.string('核实日期格式不对'), v.regex(DATE_PATTERN, '核实日期须为 YYYY-MM-DD'))),
    }),
    output: StationDetail,
  }),
}
