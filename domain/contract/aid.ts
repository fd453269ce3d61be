import * as v from 'valibot'
import { DOCUMENT_KINDS, EXCLUSION_NAMES, EXCLUSIONS, FUNDED_YEARS, HARDSHIP_CATEGORIES, SCHOOL_LEVEL_NAMES, SCHOOL_LEVELS } from '../aid/programme'
import { MAX_VISIT_PHOTOS, VISIT_CHECK_NAMES, VISIT_CHECKS } from '../aid/visit'
import { APPLICATION_STATES } from '../aid/machine'
import { CLOUD_AID_FILE, UPLOAD_TYPES } from '../aid/files'
import { defineAction } from './define'
import { EmptyInput, IdempotencyKey, IsoTime, PageInput, pageOf } from './common'

const Id = (what: string) => v.pipe(v.string(`请提供${what}`), v.minLength(1, `请提供${what}`), v.maxLength(64, `${what}格式不正确`))
const Text = (what: string, max: number) => v.pipe(v.string(`请填写${what}`), v.trim(), v.minLength(1, `请填写${what}`), v.maxLength(max, `${what}最多 ${max} 个字`))
const Fen = (what: string) => v.pipe(v.number(`${what}应为数字`), v.integer(`${what}应以分为单位的整数`), v.minValue(0, `${what}不能为负数`), v.maxValue(10_000_000_000, `${what}过大`))

export const SchoolLevel = v.picklist(SCHOOL_LEVELS, '请选择学段')
export const HardshipCategory = v.picklist(HARDSHIP_CATEGORIES, '请选择困难类别')
export const DocumentKind = v.picklist(DOCUMENT_KINDS, '请选择材料类型')
export const ApplicationState = v.picklist(APPLICATION_STATES)
export const Exclusion = v.picklist(EXCLUSIONS, '请选择不予资助的情形')

/** 建档 / 非建档 amounts of one level, in fen. */
const LevelAmountInput = (level: (typeof SCHOOL_LEVELS)[number]) =>
  v.optional(v.strictObject({ registered: Fen(`${SCHOOL_LEVEL_NAMES[level]}建档资助金额`), other: Fen(`${SCHOOL_LEVEL_NAMES[level]}非建档资助金额`) }))
const LevelAmount = v.optional(v.object({ registered: v.number(), other: v.number() }))

/** Each exclusion answered yes or no by the parent (no free text). */
export const Declarations = v.strictObject(
  Object.fromEntries(EXCLUSIONS.map((e) => [e, v.boolean(`请回答是否${EXCLUSION_NAMES[e]}`)])) as Record<(typeof EXCLUSIONS)[number], v.BooleanSchema<string>>,
  '请回答不予资助情形的问题',
)

export const ProgrammeInput = v.strictObject({
  unionId: Id('工会'),
  year: v.pipe(v.number('请填写年度'), v.integer('年度应为整数'), v.minValue(2000, '年度不正确'), v.maxValue(2100, '年度不正确')),
  name: Text('项目名称', 60),
  opensAt: v.pipe(v.string('请填写开始时间'), v.isoTimestamp('开始时间格式不正确')),
  closesAt: v.pipe(v.string('请填写截止时间'), v.isoTimestamp('截止时间格式不正确')),
  amounts: v.strictObject(Object.fromEntries(SCHOOL_LEVELS.map((l) => [l, LevelAmountInput(l)])) as Record<(typeof SCHOOL_LEVELS)[number], ReturnType<typeof LevelAmountInput>>),
  categories: v.pipe(v.array(HardshipCategory), v.minLength(1, '请至少选择一个困难类别')),
  requiredDocuments: v.array(DocumentKind),
  noticeDays: v.optional(v.pipe(v.number('公示天数应为数字'), v.integer('公示天数应为整数'), v.minValue(1, '公示至少 1 天'), v.maxValue(30, '公示最多 30 天')), 5),
  exclusions: v.optional(v.pipe(v.string(), v.maxLength(500, '不予资助情形最多 500 字')), ''),
  excludes: v.optional(v.array(Exclusion), []),
  funds: v.optional(v.picklist(FUNDED_YEARS, '请选择资助哪些学生'), 'new_only'),
  maxYears: v.optional(v.pipe(v.number('最多资助年数应为数字'), v.integer('最多资助年数应为整数'), v.minValue(1, '最多资助年数至少 1 年'), v.maxValue(8, '最多资助年数不超过 8 年')), 1),
  homeVisit: v.optional(v.boolean(), true),
})

export const Programme = v.object({
  id: v.string(),
  unionId: v.string(),
  unionName: v.string(),
  year: v.number(),
  name: v.string(),
  opensAt: IsoTime,
  closesAt: IsoTime,
  amounts: v.object(Object.fromEntries(SCHOOL_LEVELS.map((l) => [l, LevelAmount])) as Record<(typeof SCHOOL_LEVELS)[number], typeof LevelAmount>),
  categories: v.array(HardshipCategory),
  requiredDocuments: v.array(DocumentKind),
  noticeDays: v.number(),
  exclusions: v.string(),
  excludes: v.array(Exclusion),
  funds: v.picklist(FUNDED_YEARS),
  maxYears: v.number(),
  homeVisit: v.boolean(),
  window: v.picklist(['not_open', 'open', 'closed']),
})
export type Programme = v.InferOutput<typeof Programme>

const ApplicationFields = {
  child: v.strictObject({
    name: Text('子女姓名', 20),
    // A renewal (or a correction) may leave it out: the cloud keeps the sealed one it has.
    idNumber: v.optional(v.pipe(v.string('请填写子女身份证号'), v.trim(), v.minLength(1, '请填写子女身份证号'), v.maxLength(20, '身份证号应为 18 位'))),
    relation: v.picklist(['parent', 'guardian'], '请选择与子女的关系'),
    school: Text('录取学校', 60),
    major: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(60, '专业最多 60 个字')), ''),
    admissionYear: v.pipe(v.number('请填写录取年份'), v.integer('录取年份不正确')),
    level: SchoolLevel,
  }),
  household: v.strictObject({
    size: v.pipe(v.number('请填写家庭人口数'), v.integer('家庭人口数应为整数'), v.minValue(1, '家庭人口数至少为 1'), v.maxValue(30, '家庭人口数过大')),
    annualIncomeFen: v.pipe(v.number('请填写家庭年收入'), v.integer('家庭年收入格式不正确'), v.minValue(0, '家庭年收入不能为负数'), v.maxValue(100_000_000_00, '家庭年收入过大')),
    category: HardshipCategory,
    description: Text('困难情况说明', 500),
    migrantWorker: v.boolean('请回答是否农民工家庭'),
  }),
  declarations: Declarations,
  documents: v.pipe(
    v.array(v.strictObject({ kind: DocumentKind, fileId: Id('文件') }), '请上传证明材料'),
    v.maxLength(12, '材料最多 12 份'),
  ),
  consents: v.strictObject({
    sensitive: v.literal(true, '请同意处理敏感个人信息'),
    guardian: v.optional(v.boolean()),
  }),
  payout: v.strictObject({
    bank: Text('开户银行', 40),
    // Left out on a renewal or correction: last time's card is paid to.
    cardNumber: v.optional(v.pipe(v.string('请填写银行卡号'), v.trim(), v.minLength(1, '请填写银行卡号'), v.maxLength(30, '银行卡号过长'))),
  }),
}

export const SubmitInput = v.strictObject({
  programmeId: Id('助学项目'),
  idempotencyKey: IdempotencyKey,
  /** Last year's funded application of the same child, carried over (#15). */
  renewalOf: v.optional(Id('上一年度的申请')),
  ...ApplicationFields,
})
export type SubmitInput = v.InferInput<typeof SubmitInput>

export const CorrectInput = v.strictObject({ applicationId: Id('申请'), ...ApplicationFields })

const VisitChecks = v.strictObject(
  Object.fromEntries(VISIT_CHECKS.map((c) => [c, v.boolean(`请核对：${VISIT_CHECK_NAMES[c]}`)])) as Record<(typeof VISIT_CHECKS)[number], v.BooleanSchema<string>>,
  '请填写核查清单',
)

export const HomeVisitInput = v.strictObject({
  applicationId: Id('申请'),
  visitedOn: v.pipe(v.string('请填写核查日期'), v.isoDate('核查日期格式应为 YYYY-MM-DD')),
  visitors: Text('核查人员', 60),
  checks: VisitChecks,
  note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300, '核查说明最多 300 字')), ''),
  photos: v.pipe(v.array(Id('照片'), '请上传核查照片'), v.maxLength(MAX_VISIT_PHOTOS, `照片最多 ${MAX_VISIT_PHOTOS} 张`)),
})

const HomeVisitView = v.object({
  visitedOn: v.string(),
  visitors: v.string(),
  checks: v.object(Object.fromEntries(VISIT_CHECKS.map((c) => [c, v.boolean()])) as Record<(typeof VISIT_CHECKS)[number], v.BooleanSchema<undefined>>),
  note: v.string(),
  photos: v.array(v.string()),
  recordedAt: IsoTime,
})

const TimelineStep = v.object({ key: v.string(), title: v.string(), state: v.picklist(['done', 'current', 'todo', 'stopped']), detail: v.optional(v.string()) })

export const AidApplicationView = v.object({
  id: v.string(),
  programmeId: v.string(),
  programmeName: v.string(),
  year: v.number(),
  unionName: v.string(),
  applicantName: v.string(),
  status: ApplicationState,
  child: v.object({ name: v.string(), idMasked: v.string(), relation: v.string(), school: v.string(), major: v.string(), admissionYear: v.number(), level: SchoolLevel, age: v.number() }),
  household: v.object({ size: v.number(), annualIncomeFen: v.number(), perCapitaMonthlyFen: v.number(), category: HardshipCategory, description: v.string(), migrantWorker: v.nullable(v.boolean()) }),
  /** null on applications from before #15, which were not asked. */
  declarations: v.nullable(v.object(Object.fromEntries(EXCLUSIONS.map((e) => [e, v.boolean()])) as Record<(typeof EXCLUSIONS)[number], v.BooleanSchema<undefined>>)),
  renewalOf: v.nullable(v.string()),
  documents: v.array(v.object({ kind: DocumentKind, fileId: v.string() })),
  payout: v.object({ bank: v.string(), cardMasked: v.string() }),
  submittedAt: IsoTime,
  returnNote: v.nullable(v.string()),
  rejectReason: v.nullable(v.string()),
  amountFen: v.nullable(v.number()),
  noticeEndsAt: v.nullable(IsoTime),
  paidAt: v.nullable(v.string()),
  paidReference: v.nullable(v.string()),
  timeline: v.array(TimelineStep),
})
export type AidApplicationView = v.InferOutput<typeof AidApplicationView>

export const StaffApplicationView = v.object({
  ...AidApplicationView.entries,
  /** What the caller may do now, from the state table and the review rule. */
  canAct: v.array(v.picklist(['verify', 'send_back', 'approve', 'reject', 'mark_paid'])),
  /** Whether the caller decides objections (level two). */
  canResolve: v.boolean(),
  objections: v.array(v.object({ id: v.string(), text: v.string(), createdAt: IsoTime, status: v.picklist(['open', 'upheld', 'dismissed']) })),
  homeVisit: v.nullable(HomeVisitView),
  /** Whether the caller may record the home visit now (level one, before verifying). */
  canVisit: v.boolean(),
})

/** A child funded in an earlier year that may apply again, with what is carried over (no ID or card number). */
export const RenewalView = v.object({
  applicationId: v.string(),
  year: v.number(),
  fundedYears: v.number(),
  child: v.object({ name: v.string(), idMasked: v.string(), relation: v.picklist(['parent', 'guardian']), school: v.string(), major: v.string(), admissionYear: v.number(), level: SchoolLevel }),
  household: v.object({ size: v.number(), annualIncomeFen: v.number(), category: HardshipCategory, description: v.string(), migrantWorker: v.nullable(v.boolean()) }),
  payout: v.object({ bank: v.string(), cardMasked: v.string() }),
})
export type RenewalView = v.InferOutput<typeof RenewalView>

export const NoticeEntry = v.object({
  id: v.string(),
  maskedName: v.string(),
  school: v.string(),
  level: SchoolLevel,
  amountFen: v.number(),
  unionName: v.string(),
  noticeEndsAt: IsoTime,
})

export const aid = {
  programme: defineAction({
    access: 'user',
    summary: '我所在工会今年的金秋助学项目（没有则为 null）',
    input: EmptyInput,
    output: v.nullable(Programme),
  }),
  myProgrammes: defineAction({
    access: 'user',
    summary: '工作人员：本人所在工会设置的助学项目',
    input: EmptyInput,
    output: v.array(Programme),
  }),
  saveProgramme: defineAction({
    access: 'user',
    summary: '工会工作人员设置本级工会某年度的助学项目（窗口、标准、困难类别、材料、公示天数）',
    input: ProgrammeInput,
    output: Programme,
  }),
  submit: defineAction({
    personal: true,
    access: 'user',
    summary: '会员提交助学申请（窗口内、每名子女每年一次、材料齐全）',
    input: SubmitInput,
    output: AidApplicationView,
  }),
  correct: defineAction({
    personal: true,
    access: 'user',
    summary: '修改被退回的申请并重新提交',
    input: CorrectInput,
    output: AidApplicationView,
  }),
  mine: defineAction({
    access: 'user',
    summary: '我的助学申请和进度',
    input: EmptyInput,
    output: v.array(AidApplicationView),
  }),
  reviewList: defineAction({
    access: 'user',
    summary: '工作人员：本人可审核的申请，按提交时间分页（nextCursor 为下一页的位置，null 表示没有更多）',
    input: v.strictObject({
      status: v.optional(ApplicationState),
      ...PageInput,
      limit: v.optional(v.pipe(v.number('每页条数应为数字'), v.integer('每页条数应为整数'), v.minValue(1, '每页至少 1 条'), v.maxValue(200, '每页最多 200 条'))),
    }),
    output: v.object(pageOf(StaffApplicationView)),
  }),
  review: defineAction({
    access: 'user',
    summary: '审核：基层核实或退回修改；上级批准（金额）或不予资助（理由）',
    input: v.strictObject({
      applicationId: Id('申请'),
      decision: v.picklist(['verify', 'send_back', 'approve', 'reject'], '请选择审核结果'),
      note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '说明最多 200 字'))),
      amountFen: v.optional(Fen('资助金额')),
    }),
    output: StaffApplicationView,
  }),
  renewals: defineAction({
    access: 'user',
    summary: '我往年获资助、今年可以续申的子女（带出上次的子女、学校、专业、家庭情况）',
    input: EmptyInput,
    output: v.array(RenewalView),
  }),
  recordVisit: defineAction({
    personal: true,
    access: 'user',
    summary: '基层审核记录入户核查（日期、人员、核查清单、说明、照片）',
    input: HomeVisitInput,
    output: StaffApplicationView,
  }),
  notice: defineAction({
    access: 'public',
    summary: '公示：正在公示的受助名单（姓名打码），按公示开始时间，每页 50 条',
    input: v.strictObject(PageInput),
    output: v.object(pageOf(NoticeEntry)),
  }),
  object: defineAction({
    personal: true,
    // Signed in, one per person and entry (#14): an open objection holds up 发放, so nobody may
    // hold it up anonymously or twenty times over.
    access: 'user',
    summary: '对公示名单提出异议（需登录，每人每条一次；记录给工作人员）',
    input: v.strictObject({
      noticeId: Id('公示条目'),
      text: Text('异议内容', 500),
      contact: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40, '联系方式最多 40 字'))),
    }),
    output: v.object({ received: v.boolean() }),
  }),
  resolveObjection: defineAction({
    access: 'user',
    summary: '上级工会处理异议：成立（不予资助）或不成立',
    input: v.strictObject({ objectionId: Id('异议'), uphold: v.boolean('请选择异议是否成立'), note: Text('处理说明', 200) }),
    output: StaffApplicationView,
  }),
  dismissObjections: defineAction({
    access: 'user',
    summary: '上级工会把同一份申请的几条异议一并处理为不成立',
    input: v.strictObject({
      objectionIds: v.pipe(v.array(Id('异议'), '请选择异议'), v.minLength(1, '请至少选择一条异议'), v.maxLength(50, '一次最多处理 50 条异议')),
      note: Text('处理说明', 200),
    }),
    output: StaffApplicationView,
  }),
  markPaid: defineAction({
    access: 'user',
    summary: '公示期满且无成立异议后登记发放（日期、凭证号）',
    input: v.strictObject({
      applicationId: Id('申请'),
      paidOn: v.pipe(v.string('请填写发放日期'), v.isoDate('发放日期格式应为 YYYY-MM-DD')),
      reference: Text('发放凭证号', 40),
    }),
    output: StaffApplicationView,
  }),
  registerUpload: defineAction({
    personal: true,
    access: 'user',
    summary: '微信：登记刚上传到云存储的材料（读回检查类型与大小），返回申请里用的文件编号',
    input: v.strictObject({
      fileId: v.pipe(v.string('请提供文件'), v.regex(CLOUD_AID_FILE, '只能登记本程序上传的材料文件')),
      name: Text('文件名', 100),
    }),
    output: v.object({ fileId: v.string(), name: v.string(), type: v.picklist(UPLOAD_TYPES) }),
  }),
  fileLink: defineAction({
    access: 'user',
    summary: '微信：材料的短时访问链接（仅申请人本人和该申请的审核人）',
    input: v.strictObject({ fileId: Id('文件') }),
    output: v.object({ url: v.string(), type: v.picklist(UPLOAD_TYPES), expiresAt: IsoTime }),
  }),
  exportCsv: defineAction({
    access: 'user',
    summary: '工作人员导出本工会可见的某项目申请（身份证号打码）',
    input: v.strictObject({
      programmeId: Id('助学项目'),
      /** 'payouts': the finance office's list, one row per approved or paid application. */
      rows: v.optional(v.picklist(['all', 'payouts'], '请选择导出内容'), 'all'),
    }),
    // The embedded home answers the CSV itself; WeChat a 10-minute link to it in cloud storage
    // (a cloud function's answer is at most 1 MB, and 10,000 rows are more).
    output: v.object({ filename: v.string(), rows: v.number(), csv: v.nullable(v.string()), url: v.nullable(v.string()) }),
  }),
  purgeExports: defineAction({
    access: 'system',
    // WeChat allows one timer trigger per function: this daily job also deletes unused uploads (#14).
    summary: '定时任务：删除一天前导出到云存储的名单文件，以及一天前上传、没有任何申请用到的材料',
    input: EmptyInput,
    output: v.object({ removed: v.number(), uploads: v.object({ removed: v.number(), ids: v.array(v.string()) }) }),
  }),
  backfillLevels: defineAction({
    access: 'system',
    summary: '部署时：给早先存下、缺少审核工会的助学申请和公示异议补上（每次最多处理一批，done 表示已全部补完；可重复运行）',
    input: EmptyInput,
    output: v.object({ filled: v.number(), done: v.boolean() }),
  }),
}
