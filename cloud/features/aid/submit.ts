import { parseBankCard, BANK_CARD_MESSAGES, maskBankCard } from '../../../domain/bankcard'
import { checkChild, needsGuardianConsent } from '../../../domain/aid/child'
import { admissionProblem, excludedBy, maxYearsProblem, missingDocuments, perCapitaMonthlyFen, readRules, windowState, DOCUMENT_NAMES } from '../../../domain/aid/programme'
import type { ActionParsed } from '../../../domain/contract'
import { CloudError } from '../../../domain/errors'
import { maskIdCard } from '../../../domain/idcard'
import { chinaToday } from '../../../domain/time'
import { signedIn, type ActionContext } from '../../lib/context'
import { decrypt, encrypt, keyedHash } from '../../lib/crypto'
import { notify } from '../../lib/notify'
import { requireActiveMember, unionPathOf } from '../../lib/roles'
import { insertOnce, writeId } from '../../lib/resume'
import { DuplicateKeyError } from '../../lib/store/port'
import { aidDb, UNREVIEWED, type ApplicationDoc, type ProgrammeDoc } from './collections'
import { reviewLevels } from './levels'
import { requireProgramme } from './programmes'
import { chinaDateText } from '../../../domain/aid/dates'

type Fields = Omit<ActionParsed<'aid', 'submit'>, 'programmeId' | 'idempotencyKey' | 'renewalOf'>

/** What an earlier application of the child holds that the parent need not type again: the ID and card, sealed. */
type Kept = Pick<ApplicationDoc, 'child' | 'payout'> | null

/** 金秋助学's home, which lists the member's applications with their timelines. */
export const STATUS_LINK = '/features/aid/pages/index/index'

const invalid = (field: string, message: string) => new CloudError('INVALID_INPUT', message, { [field]: message })

/** Every check on what the parent filled in, then the sealed fields to store. Stores nothing. */
async function checkFields(ctx: ActionContext, stored: ProgrammeDoc, input: Fields, owner: string, kept: Kept) {
  const programme = readRules(stored)
  const now = ctx.now()
  const today = chinaToday(now)
  const idNumber = (input.child.idNumber ?? (kept ? decrypt(ctx.secrets.dataKey, kept.child.idSealed) : '')).trim().toUpperCase()
  if (!idNumber) throw invalid('child.idNumber', '请填写子女身份证号')
  const child = checkChild(idNumber, input.child.level, today)
  if (!child.ok || child.age === undefined) throw invalid('child.idNumber', child.message ?? '子女身份证号不正确')
  const admission = admissionProblem(programme, input.child.admissionYear)
  if (admission) throw invalid('child.admissionYear', admission)
  if (!programme.amounts[input.child.level]) throw invalid('child.level', '本项目不资助该学段')
  if (!programme.categories.includes(input.household.category)) throw invalid('household.category', '本项目不资助该困难类别')
  const excluded = excludedBy(programme.excludes, input.declarations)
  if (excluded) throw new CloudError('AID_EXCLUDED', excluded)
  if (needsGuardianConsent(child.age) && !input.consents.guardian) throw invalid('consents.guardian', '子女未满 14 周岁，需要监护人同意')
  const cardNumber = input.payout.cardNumber ?? (kept ? decrypt(ctx.secrets.dataKey, kept.payout.cardSealed) : '')
  if (!cardNumber) throw invalid('payout.cardNumber', '请填写银行卡号')
  const card = parseBankCard(cardNumber)
  if (!card.ok) throw invalid('payout.cardNumber', BANK_CARD_MESSAGES[card.problem])
  const missing = missingDocuments(programme.requiredDocuments, input.documents.map((d) => d.kind))
  if (missing.length) throw new CloudError('AID_DOCUMENTS_MISSING', `请上传：${missing.map((k) => DOCUMENT_NAMES[k]).join('、')}`)
  const fileIds = input.documents.map((d) => d.fileId)
  const files = await aidDb(ctx.store).files.find({ _id: { $in: fileIds }, owner }, { limit: fileIds.length })
  if (files.length !== new Set(fileIds).size) throw new CloudError('AID_DOCUMENTS_MISSING', '有材料未上传成功，请重新上传')
  const childKey = keyedHash(ctx.secrets.hashKey, `child-id:${idNumber}`)
  // Across unions and years: the child's funded years, identified by the ID's hash only.
  const funded = await aidDb(ctx.store).applications.count({ childKey, status: 'paid', year: { $lt: programme.year } })
  const tooMany = maxYearsProblem(programme.maxYears, funded)
  if (tooMany) throw new CloudError('AID_MAX_YEARS', tooMany)
  return {
    child: {
      name: input.child.name,
      idSealed: encrypt(ctx.secrets.dataKey, idNumber),
      idMasked: maskIdCard(idNumber),
      relation: input.child.relation,
      school: input.child.school,
      major: input.child.major,
      admissionYear: input.child.admissionYear,
      level: input.child.level,
      age: child.age,
    },
    childKey,
    household: { ...input.household, perCapitaMonthlyFen: perCapitaMonthlyFen(input.household.annualIncomeFen, input.household.size) },
    declarations: input.declarations,
    documents: input.documents,
    fileIds,
    consents: { sensitive: true as const, guardian: input.consents.guardian ?? false, at: now.toISOString() },
    payout: { bank: input.payout.bank, cardSealed: encrypt(ctx.secrets.dataKey, card.number), cardMasked: maskBankCard(card.number) },
  }
}

/** The caller's own funded application of an earlier year, which a renewal carries over. */
async function renewed(ctx: ActionContext, id: string | undefined, owner: string, year: number): Promise<ApplicationDoc | null> {
  if (!id) return null
  const doc = await aidDb(ctx.store).applications.get(id)
  if (!doc || doc.owner !== owner || doc.erasedAt) throw new CloudError('NOT_FOUND', '找不到上一年度的申请')
  if (doc.status !== 'paid' || doc.year >= year) throw invalid('renewalOf', '只能续申往年已获资助的申请')
  return doc
}

function requireOpen(ctx: ActionContext, programme: ProgrammeDoc) {
  const state = windowState(programme, ctx.now())
  if (state !== 'open') throw new CloudError('AID_WINDOW_CLOSED', state === 'not_open' ? `申请将于 ${chinaDateText(programme.opensAt)} 开始` : '今年的申请已经截止')
}

export async function submitApplication(ctx: ActionContext, input: ActionParsed<'aid', 'submit'>): Promise<ApplicationDoc> {
  const { openid } = signedIn(ctx)
  const membership = await requireActiveMember(ctx)
  const union = await ctx.db.unions.get(membership.unionId)
  if (!union) throw new CloudError('INTERNAL')
  const unionPath = unionPathOf(union)
  const programme = await requireProgramme(ctx, input.programmeId)
  // The programme must cover the member's union: a programme of another subtree is not theirs.
  if (!unionPath.includes(programme.unionId)) throw new CloudError('AID_NO_PROGRAMME')
  requireOpen(ctx, programme)
  const applications = aidDb(ctx.store).applications
  const [retried] = await applications.find({ owner: openid, idempotencyKey: input.idempotencyKey }, { limit: 1 })
  // An earlier try may have died before its notice: the retry sends it (once, by its key).
  if (retried) return told(ctx, retried)
  const previous = await renewed(ctx, input.renewalOf, openid, programme.year)
  const { programmeId: _p, idempotencyKey: _k, renewalOf: _r, ...rest } = input
  const fields = await checkFields(ctx, programme, rest, openid, previous)
  if (previous && previous.childKey !== fields.childKey) throw invalid('child.idNumber', '续申的子女身份证号与上一年度不一致')
  const now = ctx.now().toISOString()
  const doc: ApplicationDoc = {
    _id: writeId(ctx, 'aid', openid, input.idempotencyKey),
    programmeId: programme._id,
    year: programme.year,
    owner: openid,
    idempotencyKey: input.idempotencyKey,
    unionPath,
    unionId: union._id,
    ...reviewLevels(unionPath),
    status: 'submitted',
    ...fields,
    renewalOf: previous?._id ?? null,
    submittedAt: now,
    updatedAt: now,
    ...UNREVIEWED,
  }
  try {
    return told(ctx, (await insertOnce(applications, doc)).doc)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    // The child's application for the year exists: a retry's (stored before ids came from the key), or a second application.
    const [same] = await applications.find({ owner: openid, idempotencyKey: input.idempotencyKey }, { limit: 1 })
    if (same) return told(ctx, same)
    throw new CloudError('AID_ALREADY_APPLIED')
  }
}

/**
 * The submission's last step, safe to run again (cloud/lib/resume.ts): the notice is keyed by the
 * application, so a retry that finds the application stored tells the parent once, not twice.
 */
async function told(ctx: ActionContext, doc: ApplicationDoc): Promise<ApplicationDoc> {
  await notify(ctx, doc.owner, { title: '助学申请已提交', body: `${doc.child.name}的金秋助学申请已提交，等待基层工会审核。`, link: STATUS_LINK, target: { kind: 'aid', id: doc._id }, key: `aid-submitted-${doc._id}` })
  return doc
}

/** A returned application, corrected by its owner, goes back to level one. */
export async function correctApplication(ctx: ActionContext, input: ActionParsed<'aid', 'correct'>): Promise<ApplicationDoc> {
  const { openid } = signedIn(ctx)
  await requireActiveMember(ctx)
  const applications = aidDb(ctx.store).applications
  const doc = await applications.get(input.applicationId)
  if (!doc || doc.owner !== openid) throw new CloudError('NOT_FOUND')
  if (doc.status !== 'returned') throw new CloudError('CONFLICT', '只有被退回的申请可以修改')
  const programme = await requireProgramme(ctx, doc.programmeId)
  const { applicationId: _id, ...rest } = input
  // What the parent leaves out (the ID, the card) stays as it was sent.
  const fields = await checkFields(ctx, programme, rest, openid, doc)
  const now = ctx.now().toISOString()
  let changed: number
  try {
    changed = await applications.update({ _id: doc._id, status: 'returned' }, { set: { ...fields, status: 'submitted', updatedAt: now } })
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new CloudError('AID_ALREADY_APPLIED')
    throw error
  }
  if (changed === 0) throw new CloudError('CONFLICT')
  await notify(ctx, openid, { title: '助学申请已重新提交', body: '修改后的申请已提交，等待基层工会审核。', link: STATUS_LINK })
  return (await applications.get(doc._id)) as ApplicationDoc
}
