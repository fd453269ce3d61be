import * as v from 'valibot'
import { defineAction } from './define'
import { EmptyInput, IsoTime, UnionSummary } from './common'
import { joinActions } from './join'
import { cardActions } from './card'
import { MERCHANT_STATUSES } from '../merchants/merchant'
import { rightsActions } from './rights'
import { homeActions } from './home'

/** A 金秋助学 review level (domain/aid/review.ts): 1 verifies at home, 2 approves. */
export const AidLevel = v.picklist([1, 2], '请选择审核级别：一级或二级')
export type AidLevel = v.InferOutput<typeof AidLevel>

/** A role as the app shows it: what it is and where. */
export const Role = v.variant('kind', [
  v.object({ kind: v.literal('union_staff'), union: UnionSummary }),
  /** 金秋助学 reviewer at one level, for applications under this union; nothing else. */
  v.object({ kind: v.literal('aid_reviewer'), union: UnionSummary, level: AidLevel }),
  v.object({ kind: v.literal('merchant_staff'), merchantId: v.string(), merchantName: v.string() }),
])
export type Role = v.InferOutput<typeof Role>

/** A role the person holds, for 我的: by whom and when it was granted, and whether they can give it up. */
export const HeldRole = v.object({
  /** The role's id: what stepping down names. */
  id: v.string(),
  role: Role,
  /** The union's place in the tree, top down (a cashier's: the merchant's union). */
  unionPath: v.array(v.string()),
  /** Who granted it, by display name: null for the demo data's roles; '首次部署' for the deploy's. */
  grantedBy: v.nullable(v.string()),
  grantedAt: v.nullable(IsoTime),
  /** A cashier's merchant: its status (a paused one cannot redeem) and contact, the phone masked. */
  merchant: v.nullable(v.object({ status: v.picklist(MERCHANT_STATUSES), contactName: v.string(), contactPhone: v.string() })),
})
export type HeldRole = v.InferOutput<typeof HeldRole>

export const Membership = v.object({
  union: UnionSummary,
  /** Names from the top of the tree down to the member's union, for "内蒙古 › 呼和浩特 › …". */
  unionPath: v.array(v.string()),
  memberNo: v.string(),
  joinedAt: IsoTime,
  status: v.picklist(['active']),
})
export type Membership = v.InferOutput<typeof Membership>

export const Profile = v.object({
  displayName: v.string(),
  roles: v.array(Role),
  /** The same roles with where they come from (我的 → 我的角色); the order of `roles`. */
  held: v.array(HeldRole),
  membership: v.nullable(Membership),
  privacyAgreedVersion: v.nullable(v.string()),
})
export type Profile = v.InferOutput<typeof Profile>

export { PRIVACY_VERSION } from '../privacy/version'

export const member = {
  profile: defineAction({
    access: 'user',
    summary: '我是谁：显示名、角色（工会工作人员、助学审核人、商户核销员，及授予人和时间）、会籍',
    input: EmptyInput,
    output: Profile,
  }),
  agreePrivacy: defineAction({
    access: 'user',
    summary: '记录用户同意隐私政策（版本与时间）',
    input: v.strictObject({
      version: v.pipe(v.string('请提供隐私政策版本'), v.minLength(1, '请提供隐私政策版本'), v.maxLength(20, '隐私政策版本过长')),
    }),
    output: v.object({ version: v.string(), agreedAt: IsoTime }),
  }),
  ...joinActions,
  ...cardActions,
  ...rightsActions,
  ...homeActions,
}
