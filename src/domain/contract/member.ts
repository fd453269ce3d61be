import * as v from 'valibot'
import { defineAction } from './define'
import { EmptyInput, IsoTime, UnionSummary } from './common'
import { joinActions } from './join'
import { rightsActions } from './rights'

export const Role = v.variant('kind', [
  v.object({ kind: v.literal('union_staff'), union: UnionSummary }),
  v.object({ kind: v.literal('merchant_staff'), merchantId: v.string(), merchantName: v.string() }),
])
export type Role = v.InferOutput<typeof Role>

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
  membership: v.nullable(Membership),
  privacyAgreedVersion: v.nullable(v.string()),
})
export type Profile = v.InferOutput<typeof Profile>

/** The privacy guide's version (src/domain/privacy/guide.ts): a new one is agreed to again. 2026-12: data rights, the guide's own page. */
export const PRIVACY_VERSION = '2026-12'

export const member = {
  profile: defineAction({
    access: 'user',
    summary: '我是谁：显示名、角色（工会工作人员、商户核销员）、会籍',
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
  ...rightsActions,
}
