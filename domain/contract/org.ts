import * as v from 'valibot'
import { defineAction } from './define'
import { IdempotencyKey, IsoTime, UnionLevel } from './common'
import { JoinUnion, UnionKeyword } from './join'
import { UnionCode } from '../join/form'
import { parseNameCursor } from '../paging'
import { UNION_NAME_MAX, UNION_STATUSES } from '../unions'

/** A union's name as a clerk types it: one line, at most UNION_NAME_MAX characters. */
export const UnionName = v.pipe(
  v.string('请填写工会名称'),
  v.trim(),
  v.minLength(1, '请填写工会名称'),
  v.maxLength(UNION_NAME_MAX, `工会名称不超过 ${UNION_NAME_MAX} 个字`),
  v.regex(/^[^\r\n]*$/, '工会名称不能换行'),
)

/** 行政区划代码: six digits, the prefix of the union's member numbers. */
export const RegionCode = v.pipe(v.string('请填写行政区划代码'), v.trim(), v.regex(/^\d{6}$/, '行政区划代码须为 6 位数字，如 150102'))

/** The short code a clerk gives a union: what its poster, 小程序码 and join link carry. */
export const NewUnionCode = v.pipe(
  v.string('请填写工会编码'),
  v.trim(),
  v.toLowerCase(),
  v.minLength(2, '工会编码至少 2 个字符'),
  v.maxLength(32, '工会编码不超过 32 个字符'),
  v.regex(/^[a-z0-9-]+$/, '工会编码只能用小写字母、数字和“-”'),
  v.regex(/^[a-z0-9].*[a-z0-9]$/, '工会编码不能以“-”开头或结尾'),
)

export const UnionStatus = v.picklist(UNION_STATUSES)

/** A union as 组织管理 lists it. */
export const OrgUnion = v.object({
  ...JoinUnion.entries,
  parentId: v.nullable(v.string()),
  regionCode: v.string(),
  status: UnionStatus,
  /** The caller holds a role at this very union: they may edit it and add below it, and the union above closes it. */
  own: v.boolean(),
  /**
   * Work an edit or a close left to finish (继续): 'follow', the unions below still take on a new
   * name in their search terms; 'check', a close still counting what might block it; 'notify', a
   * close still telling members. Null when nothing is left.
   */
  pending: v.nullable(v.picklist(['follow', 'check', 'notify'])),
  /** How many members a close has told so far (all of them once `pending` is null). */
  membersNotified: v.nullable(v.number()),
  closedAt: v.nullable(IsoTime),
})
export type OrgUnion = v.InferOutput<typeof OrgUnion>

/** The 组织管理 list's position: "<id>:<name>" as the cloud gave it (domain/paging.ts nameCursor). */
export const NameCursor = v.pipe(
  v.string('列表位置不正确，请下拉刷新后重试'),
  v.maxLength(200, '列表位置不正确，请下拉刷新后重试'),
  v.check((cursor) => parseNameCursor(cursor) !== null, '列表位置不正确，请下拉刷新后重试'),
)

const UnionId = UnionCode

/** What the app sends for a union's own fields, adding or editing. */
export const unionFormEntries = { name: UnionName, regionCode: RegionCode, code: NewUnionCode }

export const AddUnionInput = v.strictObject({
  parentId: UnionId,
  level: v.picklist(UnionLevel.options, '请选择工会类别'),
  ...unionFormEntries,
  /** A retried add is the same add. */
  idempotencyKey: IdempotencyKey,
})
export type AddUnionInput = v.InferOutput<typeof AddUnionInput>

/** The code as stored may predate NewUnionCode's rules (an import): the new rules apply only to a changed code (the cloud checks). */
export const EditUnionInput = v.strictObject({ unionId: UnionId, name: UnionName, regionCode: RegionCode, code: v.pipe(UnionCode, v.toLowerCase()) })
export type EditUnionInput = v.InferOutput<typeof EditUnionInput>

/** What a close would meet now: what blocks it, and how many members it would tell. */
export const CloseCheck = v.object({
  members: v.number(),
  pendingApplications: v.number(),
  transfersInFlight: v.number(),
  openChildren: v.number(),
  /** A few of the open unions below, by name. */
  openChildNames: v.array(v.string()),
  /** Why it cannot be closed now, in words (null: it can). */
  blocked: v.nullable(v.string()),
})
export type CloseCheck = v.InferOutput<typeof CloseCheck>

/** 组织管理: union staff grow and tend the tree below them. Every change is audited. */
export const org = {
  list: defineAction({
    access: 'user',
    summary: '本工会及下级的全部工会（含停用、已撤销），可按名称、地区或工会编码查找；按名称排序，每页 50 个',
    input: v.strictObject({ keyword: v.optional(UnionKeyword), cursor: v.optional(NameCursor) }),
    output: v.object({ items: v.array(OrgUnion), nextCursor: v.nullable(v.string()) }),
  }),
  get: defineAction({
    access: 'user',
    summary: '一个本工会或下级工会的详情（修改、撤销前查看）',
    input: v.strictObject({ unionId: UnionId }),
    output: OrgUnion,
  }),
  add: defineAction({
    access: 'user',
    summary: '在本工会或下级工会之下新增工会：名称、类别（须是上级之下允许的类别）、行政区划代码和工会编码（唯一，永不重复使用）；新工会立即可入会、可打印二维码',
    input: AddUnionInput,
    output: OrgUnion,
  }),
  edit: defineAction({
    access: 'user',
    summary: '修改本工会或下级工会的名称、行政区划代码、工会编码；改名后下级工会的搜索信息随之更新，改码后旧编码和旧二维码仍指向本工会且不再分配给别的工会',
    input: EditUnionInput,
    output: OrgUnion,
  }),
  closeCheck: defineAction({
    access: 'user',
    summary: '撤销前查看：会员人数，以及待审核的入会申请、办理中的转会、未撤销的下级工会（有则不能撤销）',
    input: v.strictObject({ unionId: UnionId }),
    output: CloseCheck,
  }),
  close: defineAction({
    access: 'user',
    summary: '撤销下级工会（不删除任何记录）：有待审核申请、办理中的转会或未撤销的下级工会时不能撤销；撤销后不再接收入会和转入，会员收到办理转会的通知',
    input: v.strictObject({ unionId: UnionId }),
    output: OrgUnion,
  }),
  finish: defineAction({
    access: 'user',
    summary: '继续完成修改或撤销留下的工作（下级工会搜索信息、撤销检查、通知会员），直到 pending 为 null',
    input: v.strictObject({ unionId: UnionId }),
    output: OrgUnion,
  }),
}
