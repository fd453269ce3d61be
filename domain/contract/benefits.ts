import * as v from 'valibot'
import { LIMIT_PERIODS, OFFER_CATEGORIES, OFFER_CITIES } from '../benefits/categories'
import { defineAction } from './define'
import { EmptyInput, IdempotencyKey, IsoTime } from './common'
import { Latitude, Longitude } from './stations'
import { CHINA_BOUNDS } from '../geo'
import { MERCHANT_STATUSES } from '../merchants/merchant'

const Id = (what: string) => v.pipe(v.string(`请提供${what}`), v.minLength(1, `请提供${what}`), v.maxLength(64, `${what}格式不正确`))

export const OfferCategory = v.picklist(OFFER_CATEGORIES, '请选择福利类别')
export const OfferCity = v.picklist(OFFER_CITIES, '请选择所在城市')
export const LimitPeriod = v.picklist(LIMIT_PERIODS, '请选择限领周期')

const IN_CHINA = '门店位置应在中国境内（GCJ-02 坐标，可在地图上取点）'

/**
 * A store with its point on the map (GCJ-02, inside China): an offer's stores and a merchant's
 * (商户管理) are the same fields with the same rules, and the same form fields in the app
 * (src/components/StoreFields.tsx).
 */
export const OfferStore = v.object({
  name: v.pipe(v.string('请填写门店名称'), v.minLength(1, '请填写门店名称'), v.maxLength(40, '门店名称不超过40字')),
  address: v.pipe(v.string('请填写门店地址'), v.minLength(1, '请填写门店地址'), v.maxLength(80, '门店地址不超过80字')),
  latitude: v.pipe(v.number('请提供门店纬度'), v.minValue(-90, '纬度不正确'), v.maxValue(90, '纬度不正确'), v.minValue(CHINA_BOUNDS.minLat, IN_CHINA), v.maxValue(CHINA_BOUNDS.maxLat, IN_CHINA)),
  longitude: v.pipe(v.number('请提供门店经度'), v.minValue(-180, '经度不正确'), v.maxValue(180, '经度不正确'), v.minValue(CHINA_BOUNDS.minLng, IN_CHINA), v.maxValue(CHINA_BOUNDS.maxLng, IN_CHINA)),
})

/** An offer's or a merchant's stores: one at least, twenty at most. */
export const StoreList = v.pipe(v.array(OfferStore, '请填写门店'), v.minLength(1, '请至少填写一个门店'), v.maxLength(20, '门店不超过20个'))
export type OfferStore = v.InferOutput<typeof OfferStore>

export const PerMemberLimit = v.object({
  count: v.pipe(v.number('请填写每人限领数量'), v.integer('每人限领数量须为整数'), v.minValue(1, '每人至少可领 1 张'), v.maxValue(10, '每人限领不超过 10 张')),
  period: LimitPeriod,
})

const Availability = v.picklist(['open', 'not_started', 'ended', 'paused', 'sold_out'])

export const OfferSummary = v.object({
  id: v.string(),
  title: v.string(),
  category: v.string(),
  merchantName: v.string(),
  city: v.string(),
  county: v.string(),
  image: v.nullable(v.string()),
  startAt: IsoTime,
  endAt: IsoTime,
  stock: v.number(),
  total: v.number(),
  availability: Availability,
  /** Metres to the nearest store when the caller shared a location. */
  distanceM: v.nullable(v.number()),
})
export type OfferSummary = v.InferOutput<typeof OfferSummary>

export const OfferDetail = v.object({
  ...OfferSummary.entries,
  description: v.string(),
  rules: v.array(v.string()),
  images: v.array(v.string()),
  stores: v.array(OfferStore),
  limit: PerMemberLimit,
  couponValidDays: v.number(),
  /** Names of the union whose subtree may claim; null when every member may. */
  eligibleUnionName: v.nullable(v.string()),
  me: v.object({
    member: v.boolean(),
    eligible: v.boolean(),
    claimedThisPeriod: v.number(),
  }),
})
export type OfferDetail = v.InferOutput<typeof OfferDetail>

export const CouponView = v.object({
  id: v.string(),
  offerId: v.string(),
  title: v.string(),
  merchantName: v.string(),
  code: v.string(),
  state: v.picklist(['active', 'used', 'expired']),
  claimedAt: IsoTime,
  expiresAt: IsoTime,
  usedAt: v.nullable(IsoTime),
  /** "3天后过期" for an active coupon close to its expiry, else null. */
  reminder: v.nullable(v.string()),
})
export type CouponView = v.InferOutput<typeof CouponView>

export const OfferAdmin = v.object({
  id: v.string(),
  title: v.string(),
  category: v.string(),
  merchantId: v.string(),
  merchantName: v.string(),
  unionId: v.string(),
  city: v.string(),
  county: v.string(),
  description: v.string(),
  rules: v.array(v.string()),
  stores: v.array(OfferStore),
  startAt: IsoTime,
  endAt: IsoTime,
  total: v.number(),
  stock: v.number(),
  claimed: v.number(),
  limit: PerMemberLimit,
  couponValidDays: v.number(),
  eligibleUnionId: v.nullable(v.string()),
  status: v.picklist(['active', 'paused']),
  updatedAt: IsoTime,
})
export type OfferAdmin = v.InferOutput<typeof OfferAdmin>

const Text = (what: string, max: number) => v.pipe(v.string(`请填写${what}`), v.trim(), v.minLength(1, `请填写${what}`), v.maxLength(max, `${what}不超过${max}字`))
const Time = (what: string) => v.pipe(v.string(`请选择${what}`), v.isoTimestamp(`${what}格式不正确`))

export const OfferForm = v.strictObject({
  /** Absent to add an offer; an id to edit it. */
  id: v.optional(Id('福利编号')),
  unionId: Id('所属工会'),
  merchantId: Id('商户'),
  title: Text('福利名称', 40),
  category: OfferCategory,
  city: OfferCity,
  county: Text('所在旗县区', 20),
  description: Text('福利说明', 500),
  rules: v.pipe(v.array(v.pipe(v.string('使用规则须为文字'), v.trim(), v.minLength(1, '使用规则不能为空'), v.maxLength(100, '每条规则不超过100字')), '请填写使用规则'), v.maxLength(10, '使用规则不超过10条')),
  stores: StoreList,
  startAt: Time('开始时间'),
  endAt: Time('结束时间'),
  total: v.pipe(v.number('请填写总数量'), v.integer('总数量须为整数'), v.minValue(0, '总数量不能为负数'), v.maxValue(1_000_000, '总数量过大')),
  limit: PerMemberLimit,
  couponValidDays: v.pipe(v.number('请填写券有效天数'), v.integer('券有效天数须为整数'), v.minValue(1, '券至少有效 1 天'), v.maxValue(365, '券有效期不超过365天')),
  /** A union whose subtree may claim; null or absent: every member. */
  eligibleUnionId: v.optional(v.nullable(Id('可领取的工会'))),
})
export type OfferForm = v.InferOutput<typeof OfferForm>

export const benefits = {
  list: defineAction({
    access: 'user',
    summary: '浏览普惠福利：按类别、城市、关键词筛选；给了位置按最近门店由近到远，否则最新在前；游标分页',
    input: v.strictObject({
      category: v.optional(OfferCategory),
      city: v.optional(OfferCity),
      q: v.optional(v.pipe(v.string('搜索词须为文字'), v.trim(), v.maxLength(20, '搜索词不超过20字'))),
      cursor: v.optional(v.pipe(v.string('分页参数不正确'), v.maxLength(120, '分页参数不正确'))),
      limit: v.optional(v.pipe(v.number('每页数量须为数字'), v.integer('每页数量须为整数'), v.minValue(1, '每页至少 1 条'), v.maxValue(50, '每页不超过 50 条'))),
      /** Where the member is (GCJ-02, like the stores): nearest store first, with distanceM. */
      near: v.optional(v.strictObject({ latitude: Latitude, longitude: Longitude }, '位置格式不正确')),
    }),
    output: v.object({ items: v.array(OfferSummary), nextCursor: v.nullable(v.string()) }),
  }),
  detail: defineAction({
    access: 'user',
    summary: '福利详情：规则、门店、库存，以及我能否领取',
    input: v.strictObject({ id: Id('福利编号') }),
    output: OfferDetail,
  }),
  claim: defineAction({
    access: 'user',
    summary: '会员领券：检查时间、资格、限领，扣一份库存；同一 idempotencyKey 重试不算第二次',
    input: v.strictObject({
      offerId: Id('福利编号'),
      idempotencyKey: IdempotencyKey,
    }),
    output: CouponView,
  }),
  myCoupons: defineAction({
    access: 'user',
    summary: '我的福利：我领到的券（可用、已使用、已过期）',
    input: EmptyInput,
    output: v.object({ items: v.array(CouponView), now: IsoTime }),
  }),
  remindExpiring: defineAction({
    access: 'system',
    summary: '定时任务：给即将过期的券的主人发一次提醒（站内消息，微信中另发订阅消息）',
    input: EmptyInput,
    output: v.object({ reminded: v.number() }),
  }),
  coupon: defineAction({
    access: 'user',
    summary: '一张我的券：核销码和二维码内容（签名、有时效）',
    input: v.strictObject({ id: Id('券编号') }),
    output: v.object({ coupon: CouponView, qrToken: v.nullable(v.string()), stores: v.array(OfferStore) }),
  }),
  redeem: defineAction({
    access: 'user',
    summary: '商户核销：扫码或输入核销码，每张券只能核销一次',
    input: v.strictObject({
      code: v.pipe(v.string('请输入核销码'), v.trim(), v.minLength(1, '请输入核销码'), v.maxLength(600, '核销码格式不正确')),
    }),
    output: v.object({ couponId: v.string(), title: v.string(), code: v.string(), usedAt: IsoTime }),
  }),
  redemptions: defineAction({
    access: 'user',
    summary: '本店今日核销记录（按北京时间）',
    input: EmptyInput,
    output: v.object({
      day: v.string(),
      merchantName: v.string(),
      /** A paused or closed merchant cannot redeem: the page says so before anyone scans. */
      merchantStatus: v.picklist(MERCHANT_STATUSES),
      items: v.array(v.object({ couponId: v.string(), title: v.string(), code: v.string(), usedAt: IsoTime })),
    }),
  }),
  manageList: defineAction({
    access: 'user',
    summary: '工会工作人员：本工会及下级工会的福利',
    input: EmptyInput,
    output: v.object({
      items: v.array(OfferAdmin),
      /** The merchants of the caller's subtree that offers may name (not closed), with their stores to start an offer's from. */
      merchants: v.array(v.object({ id: v.string(), name: v.string(), stores: v.array(OfferStore) })),
      unions: v.array(v.object({ id: v.string(), name: v.string() })),
    }),
  }),
  saveOffer: defineAction({
    access: 'user',
    summary: '工会工作人员：新增或修改福利（结束晚于开始、总数不少于已领）',
    input: OfferForm,
    output: OfferAdmin,
  }),
  setOfferStatus: defineAction({
    access: 'user',
    summary: '工会工作人员：暂停或恢复福利',
    input: v.strictObject({ id: Id('福利编号'), status: v.picklist(['active', 'paused'], '状态不正确') }),
    output: OfferAdmin,
  }),
}
