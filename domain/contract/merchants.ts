import * as v from 'valibot'
import { MERCHANT_STATUSES } from '../merchants/merchant'
import { Phone } from '../join/form'
import { defineAction } from './define'
import { IsoTime } from './common'
import { OfferStore, StoreList } from './benefits'

const Id = (what: string) => v.pipe(v.string(`请选择${what}`), v.trim(), v.minLength(1, `请选择${what}`), v.maxLength(64, `${what}编号不正确`))
const Text = (what: string, max: number) => v.pipe(v.string(`请填写${what}`), v.trim(), v.minLength(1, `请填写${what}`), v.maxLength(max, `${what}不超过${max}字`))

export const MerchantStatus = v.picklist(MERCHANT_STATUSES, '状态不正确')

/** Registering (no id) or editing a merchant (普惠商户). Its name and union are fixed once registered. */
export const MerchantForm = v.strictObject({
  id: v.optional(Id('商户')),
  /** The union it is registered under: the caller's or one below. */
  unionId: Id('登记工会'),
  name: Text('商户名称', 40),
  contactName: Text('联系人', 20),
  contactPhone: Phone,
  stores: StoreList,
  /** The unions whose members it serves (each with the unions below it): in the caller's subtree. */
  servesUnionIds: v.pipe(v.array(Id('服务的工会'), '请选择服务哪些工会的会员'), v.minLength(1, '请至少选择一个服务的工会'), v.maxLength(20, '服务的工会不超过20个')),
})
export type MerchantForm = v.InferOutput<typeof MerchantForm>

/** A merchant as union staff of its subtree see it: the phone in full (others see it masked). */
export const MerchantView = v.object({
  id: v.string(),
  name: v.string(),
  union: v.object({ id: v.string(), name: v.string() }),
  contactName: v.string(),
  contactPhone: v.string(),
  stores: v.array(OfferStore),
  serves: v.array(v.object({ id: v.string(), name: v.string() })),
  status: MerchantStatus,
  /** Its cashiers now (roles not ended). */
  cashiers: v.number(),
  createdAt: v.nullable(IsoTime),
  updatedAt: v.nullable(IsoTime),
})
export type MerchantView = v.InferOutput<typeof MerchantView>

/** 商户管理 (#16): union staff register, edit, pause and close their subtree's merchants. Part of the `admin` function. */
export const merchantActions = {
  merchants: defineAction({
    access: 'user',
    summary: '本工会及下级登记的商户，按名称排序，每页 50 个（含已暂停；已关闭的在 includeClosed 时列出）',
    input: v.strictObject({
      includeClosed: v.optional(v.boolean('includeClosed 应为 true 或 false'), false),
      cursor: v.optional(v.pipe(v.string('列表位置不正确'), v.minLength(1, '列表位置不正确'), v.maxLength(200, '列表位置不正确'))),
    }),
    output: v.object({ items: v.array(MerchantView), nextCursor: v.nullable(v.string()) }),
  }),
  saveMerchant: defineAction({
    access: 'user',
    summary: '登记或修改商户：名称、联系人和手机号、门店（地址和地图坐标）、服务哪些工会的会员；同一工会下不能同名',
    input: MerchantForm,
    output: MerchantView,
  }),
  setMerchantStatus: defineAction({
    access: 'user',
    summary: '暂停、恢复或关闭商户：暂停或关闭后，其核销员不能核销，其福利不能领取；关闭后不能恢复',
    input: v.strictObject({ id: Id('商户'), status: MerchantStatus }),
    output: MerchantView,
  }),
}
