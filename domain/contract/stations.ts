import * as v from 'valibot'
import { defineAction } from './define'
import { IdempotencyKey, IsoTime, PageInput, pageOf } from './common'
import { AMENITIES, NEARBY_LIMITS, STATION_STATUSES, STATION_TYPES } from '../stations/types'
import { DATE_PATTERN } from '../stations/station'
import { REPORT_KINDS, REPORT_NOTE_MAX, REPORT_OUTCOMES } from '../stations/reports'
import { SEARCH_LIMITS } from '../stations/text-search'
import { stationUpkeep } from './stations-upkeep'

export const Latitude = v.pipe(v.number('纬度须为数字'), v.finite('纬度须为数字'), v.minValue(-90, '纬度须在 -90 到 90 之间'), v.maxValue(90, '纬度须在 -90 到 90 之间'))
export const Longitude = v.pipe(v.number('经度须为数字'), v.finite('经度须为数字'), v.minValue(-180, '经度须在 -180 到 180 之间'), v.maxValue(180, '经度须在 -180 到 180 之间'))
const Amenity = v.picklist(AMENITIES, '未知的服务设施')
const StationType = v.picklist(STATION_TYPES, '未知的站点类型')
const StationStatus = v.picklist(STATION_STATUSES, '未知的站点状态')
/** A station's code (its _id): what a link, a poster and a card check's station context carry. */
export const StationCode = v.pipe(v.string('请提供站点编码'), v.minLength(1, '请提供站点编码'), v.maxLength(40, '站点编码过长'))
const Code = StationCode

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
  /** The managing union (the upkeep form keeps it). */
  unionId: v.string(),
  unionName: v.string(),
  verifiedOn: v.string(),
  status: StationStatus,
  updatedAt: IsoTime,
  /** Whether the caller is staff of the managing union (and may edit). */
  canEdit: v.boolean(),
  /** Short warnings of open reports (有用户反馈：…（待核实）), newest first, at most three. */
  warnings: v.array(v.string()),
  /** How many people found it useful (有用) in the last HELPFUL_DAYS days. */
  helpfulRecent: v.number(),
  /** The signed-in caller already said 有用 today (China day). */
  helpfulToday: v.boolean(),
})
export type StationDetail = v.InferOutput<typeof StationDetail>

const Note = v.pipe(v.string('备注须为文字'), v.maxLength(REPORT_NOTE_MAX, `备注最多 ${REPORT_NOTE_MAX} 个字`))

/** A report in the managing union's queue: never who sent it. */
export const StationReport = v.object({
  id: v.string(),
  code: v.string(),
  stationName: v.string(),
  kind: v.picklist(REPORT_KINDS),
  /** The amenity a 设施 report is about. */
  amenity: v.nullable(Amenity),
  note: v.string(),
  createdAt: IsoTime,
  /** The photo the sender attached: a link only this union's clerks get (WeChat: a short-lived one). */
  photo: v.nullable(v.string()),
  /** 已等待 3 小时… (domain/format.ts's formatWait, as every staff queue says it) */
  waiting: v.string(),
})
export type StationReport = v.InferOutput<typeof StationReport>

/** A station found by name or address; distanceM when the search had a location. */
export const StationHit = v.object({ ...StationSummary.entries, distanceM: v.nullable(v.number()) })
export type StationHit = v.InferOutput<typeof StationHit>

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
  search: defineAction({
    access: 'public',
    summary: '按名称、地址或所在地区查找驿站（至少两个字）；给出位置时按距离排列并附距离，否则按名称',
    input: v.strictObject({
      q: v.pipe(v.string('请输入要查找的驿站名称或地址'), v.trim(), v.minLength(SEARCH_LIMITS.minChars, `请至少输入 ${SEARCH_LIMITS.minChars} 个字`), v.maxLength(SEARCH_LIMITS.maxChars, `最多输入 ${SEARCH_LIMITS.maxChars} 个字`)),
      latitude: v.optional(Latitude),
      longitude: v.optional(Longitude),
      types: v.optional(v.pipe(v.array(StationType, '站点类型格式不对'), v.maxLength(STATION_TYPES.length, '站点类型过多'))),
    }),
    output: v.object({ stations: v.array(StationHit), at: IsoTime }),
  }),
  report: defineAction({
    access: 'public',
    summary: '任何人（登录或不登录）反馈驿站的问题：关门、位置、设施、营业时间、电话、其他；匿名反馈限量，反馈人不公开',
    input: v.strictObject({
      code: Code,
      kind: v.picklist(REPORT_KINDS, '请选择问题类型'),
      amenity: v.optional(Amenity),
      note: v.optional(Note, ''),
      /** A photo the signed-in sender uploaded for a report (stations.registerPhoto or the local /api/photos). */
      photo: v.optional(v.pipe(v.string('照片格式不对'), v.maxLength(80, '照片格式不对'))),
      idempotencyKey: v.optional(IdempotencyKey),
    }),
    output: v.object({ id: v.string() }),
  }),
  reports: defineAction({
    access: 'user',
    summary: '本工会及下级工会管理的驿站收到的待处理反馈，最早的在前，附已等待时长；每页 50 条，nextCursor 取下一页，total 为全部待处理条数',
    input: v.strictObject({ ...PageInput }),
    output: v.object({ ...pageOf(StationReport), total: v.number() }),
  }),
  resolve: defineAction({
    access: 'user',
    summary: '管理工会的工作人员处理一条反馈：属实或不属实，附说明；可同时修改驿站（与修改驿站同样的规则），并把最近核实日期记为今天（留痕）',
    input: v.strictObject({
      id: v.pipe(v.string('请提供反馈编号'), v.minLength(1, '请提供反馈编号'), v.maxLength(80, '反馈编号过长')),
      outcome: v.picklist(REPORT_OUTCOMES, '请选择属实或不属实'),
      note: v.pipe(Note, v.trim(), v.minLength(1, '请写一句处理说明')),
      hours: v.optional(v.pipe(v.string('营业时间格式不对'), v.maxLength(200, '营业时间过长'))),
      amenities: v.optional(v.pipe(v.array(Amenity, '服务设施格式不对'), v.maxLength(AMENITIES.length, '服务设施过多'))),
      status: v.optional(StationStatus),
    }),
    output: v.object({ station: StationDetail }),
  }),
  helpful: defineAction({
    access: 'user',
    summary: '到访后点“有用”：每人每个驿站每天（北京时间）一次',
    input: v.strictObject({ code: Code }),
    output: v.object({ helpfulRecent: v.number() }),
  }),  checkIn: defineAction({
    access: 'public',
    summary: '扫驿站的二维码打卡，记一次到访：登录的人每个驿站每天（北京时间）算一次，只留当天的加密标记、不留到访名单；未登录的每个驿站每天限量、单独计数；暂停或撤销的驿站不计',
    input: v.strictObject({ code: Code }),
    output: v.object({
      code: v.string(),
      name: v.string(),
      /** counted: this visit was counted; already: the caller had checked in here today (China day). */
      result: v.picklist(['counted', 'already']),
      day: v.string(),
    }),
  }),
  poster: defineAction({
    access: 'user',
    summary: '管理工会的工作人员打印驿站的打卡海报：名称、类型，微信中附小程序码（scene 为站点编码，首次生成后存入云存储），网页版为空（由页面画打卡链接的二维码）',
    input: v.strictObject({ code: Code }),
    output: v.object({
      code: v.string(),
      name: v.string(),
      type: StationType,
      unionName: v.string(),
      status: StationStatus,
      /** The 小程序码 in cloud storage (WeChat); null in the embedded home or for a code longer than a scene. */
      fileId: v.nullable(v.string()),
    }),
  }),
  backfillTerms: defineAction({
    access: 'system',
    summary: '运维任务：给缺少或仍是旧式查找关键字的驿站补上（每次最多处理一批，done 表示已全部补完；可重复运行）',
    input: v.strictObject({}),
    output: v.object({ fixed: v.number(), done: v.boolean() }),
  }),
  ...stationUpkeep,
}
