import { chinaDateText, chinaDayStart, windowFromDays } from '../../domain/aid/dates'
import { chinaToday } from '../../domain/time'
import { luhnValid, maskBankCard, parseBankCard } from '../../domain/bankcard'
import { formatFen, yuanToFen } from '../../domain/money'
import { maskName } from '../../domain/names'
import { checkChild, needsGuardianConsent } from '../../domain/aid/child'
import { checkEligibility } from '../../domain/aid/eligibility'
import { APPLICATION_STATES, TRANSITIONS, timeline, transition } from '../../domain/aid/machine'
import { missingDocuments, noticeEndsAt, perCapitaMonthlyFen, windowState, type ProgrammeRules } from '../../domain/aid/programme'
import { actsAt, mayView, reviewUnions } from '../../domain/aid/review'
import { CLOUD_AID_FILE, declaredType, sniff, sniffBytes } from '../../domain/aid/files'
import { idFor, PDF, PNG } from '../helpers/aid'

const PROGRAMME: ProgrammeRules & { unionName: string } = {
  unionName: '呼和浩特市总工会',
  year: 2026,
  opensAt: '2026-10-31T16:00:00.000Z',
  closesAt: '2026-12-31T16:00:00.000Z',
  amounts: { undergraduate: { registered: 500000, other: 400000 }, high_school: { registered: 300000, other: 200000 } },
  categories: ['dibao', 'accident'],
  requiredDocuments: ['admission_letter', 'hardship_proof'],
  noticeDays: 5,
  excludes: ['military'],
  funds: 'new_only',
  maxYears: 1,
  homeVisit: true,
}

describe('money, names, cards', () => {
  it('formats fen as yuan and parses typed yuan', () => {
    expect(formatFen(500000)).toBe('¥5,000')
    expect(formatFen(123456789)).toBe('¥1,234,567.89')
    expect(formatFen(5)).toBe('¥0.05')
    expect(yuanToFen('5,000.5')).toBe(500050)
    expect(yuanToFen('-1')).toBeNull()
    expect(yuanToFen('1.234')).toBeNull()
  })
  it('masks names for the public notice', () => {
    expect(maskName('张小明')).toBe('张*明')
    expect(maskName('李明')).toBe('李*')
    expect(maskName('欧阳小华')).toBe('欧**华')
    expect(maskName('王')).toBe('*')
  })
  it('checks bank cards with Luhn and masks them', () => {
    expect(luhnValid('4111111111111111')).toBe(true)
    expect(luhnValid('4111111111111112')).toBe(false)
    expect(luhnValid('79927398713')).toBe(true)
    expect(parseBankCard('4111 1111 1111 1111')).toEqual({ ok: true, number: '4111111111111111' })
    expect(parseBankCard('4111-1111')).toEqual({ ok: false, problem: 'characters' })
    expect(parseBankCard('41111111111')).toEqual({ ok: false, problem: 'length' })
    expect(parseBankCard('4111111111111112')).toEqual({ ok: false, problem: 'checksum' })
    expect(maskBankCard('4111111111111111')).toBe('**** 1111')
  })
})

describe('the child', () => {
  it('refuses a checksum error and a college student of three', () => {
    const good = idFor('20080510')
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
    expect(checkChild(bad, 'undergraduate', '2026-11-23')).toMatchObject({ ok: false, message: expect.stringContaining('校验位') })
    expect(checkChild(idFor('20230510'), 'undergraduate', '2026-11-23')).toMatchObject({ ok: false, age: 3 })
    expect(checkChild(idFor('20111124'), 'undergraduate', '2026-11-23')).toMatchObject({ ok: false, age: 14 })
    expect(checkChild(idFor('20111123'), 'undergraduate', '2026-11-23')).toMatchObject({ ok: true, age: 15 })
    expect(checkChild(good, 'undergraduate', '2026-11-23')).toEqual({ ok: true, age: 18 })
  })
  it('needs a guardian under 14', () => {
    expect(needsGuardianConsent(13)).toBe(true)
    expect(needsGuardianConsent(14)).toBe(false)
  })
})

describe('programme rules', () => {
  it('opens at opensAt inclusive and closes at closesAt exclusive', () => {
    expect(windowState(PROGRAMME, new Date('2026-10-31T15:59:59.999Z'))).toBe('not_open')
    expect(windowState(PROGRAMME, new Date('2026-10-31T16:00:00.000Z'))).toBe('open')
    expect(windowState(PROGRAMME, new Date('2026-12-31T15:59:59.999Z'))).toBe('open')
    expect(windowState(PROGRAMME, new Date('2026-12-31T16:00:00.000Z'))).toBe('closed')
  })
  it('computes notice end, missing documents, per-capita monthly income', () => {
    expect(noticeEndsAt(new Date('2026-11-23T08:00:00.000Z'), 5).toISOString()).toBe('2026-11-28T08:00:00.000Z')
    expect(missingDocuments(PROGRAMME.requiredDocuments, ['hardship_proof'])).toEqual(['admission_letter'])
    expect(perCapitaMonthlyFen(3_600_000, 3)).toBe(100000)
    expect(perCapitaMonthlyFen(1000, 3)).toBe(27)
  })
  it('answers the eligibility questions with a reason and a contact', () => {
    const now = new Date('2026-11-23T08:00:00.000Z')
    const yes = { isMember: true, admittedThisYear: true, level: 'undergraduate' as const, category: 'dibao' as const }
    expect(checkEligibility(yes, PROGRAMME, now)).toEqual({ eligible: true, amountFen: 500000, message: expect.stringContaining('¥5,000') })
    expect(checkEligibility({ ...yes, isMember: false }, PROGRAMME, now)).toMatchObject({ eligible: false, reason: expect.stringContaining('入会') })
    expect(checkEligibility(yes, null, now)).toMatchObject({ eligible: false, contact: expect.stringContaining('基层工会') })
    expect(checkEligibility(yes, PROGRAMME, new Date('2027-01-01T00:00:00.000Z'))).toMatchObject({ eligible: false, reason: '今年的申请已经截止' })
    expect(checkEligibility({ ...yes, admittedThisYear: false }, PROGRAMME, now)).toMatchObject({ eligible: false })
    expect(checkEligibility({ ...yes, level: 'junior_college' }, PROGRAMME, now)).toMatchObject({ eligible: false, reason: expect.stringContaining('专科') })
    expect(checkEligibility({ ...yes, category: 'other' }, PROGRAMME, now)).toMatchObject({ eligible: false, reason: expect.stringContaining('低保户、意外致困户') })
  })
})

describe('who reviews', () => {
  const path = ['nmg', 'hhht', 'hhht-xc', 'hhht-xc-kd']
  it('derives level one (grassroots or its parent) and level two (the next up) from the union path', () => {
    expect(reviewUnions(path)).toEqual({ levelOne: ['hhht-xc-kd', 'hhht-xc'], levelTwo: 'hhht' })
    expect(actsAt(1, path, ['hhht-xc'])).toBe(true)
    expect(actsAt(1, path, ['hhht-xc-kd'])).toBe(true)
    expect(actsAt(1, path, ['hhht'])).toBe(false)
    expect(actsAt(2, path, ['hhht'])).toBe(true)
    expect(actsAt(2, path, ['hhht-xc'])).toBe(false)
    expect(actsAt(2, path, ['nmg'])).toBe(false)
    expect(mayView(path, ['hhht-hm'])).toBe(false)
    expect(reviewUnions(['x'])).toEqual({ levelOne: ['x'], levelTwo: null })
  })
})

describe('the state table', () => {
  it('allows each event only from its state', () => {
    for (const [event, row] of Object.entries(TRANSITIONS)) {
      for (const state of APPLICATION_STATES) {
        expect(transition(state, event as keyof typeof TRANSITIONS)).toBe(state === row.from ? row.to : null)
      }
    }
    expect(transition('approved', 'mark_paid')).toBe('paid')
    expect(transition('submitted', 'approve')).toBeNull()
  })
  it('draws the parent timeline', () => {
    const base = { submittedAt: '2026-11-23T08:00:00.000Z' }
    expect(timeline({ ...base, status: 'submitted' }).map((s) => s.state)).toEqual(['done', 'current', 'todo', 'todo', 'todo'])
    expect(timeline({ ...base, status: 'approved', noticeEndsAt: '2026-11-28T08:00:00.000Z' })[3]).toMatchObject({ title: '公示中', state: 'current', detail: '公示至 2026-11-28' })
    expect(timeline({ ...base, status: 'returned', returnNote: '补材料' })[1]).toEqual({ key: 'level_one', title: '退回修改', state: 'stopped', detail: '补材料' })
    expect(timeline({ ...base, status: 'paid', paidAt: '2026-11-30', paidReference: 'R1' })[4]).toMatchObject({ state: 'done', detail: '2026-11-30 R1' })
  })
})

describe('China dates', () => {
  it('turns typed days into the window in China time, and back', () => {
    expect(windowFromDays('2026-11-01', '2026-12-31')).toEqual({ opensAt: '2026-10-31T16:00:00.000Z', closesAt: '2026-12-31T16:00:00.000Z' })
    expect(windowFromDays('2026-02-30', '2026-12-31')).toBeNull()
    expect(chinaDayStart('2026/11/01')).toBeNull()
    expect(chinaDateText('2026-10-31T16:00:00.000Z')).toBe('2026年11月1日')
    expect(chinaToday(new Date('2026-11-23T15:59:59.999Z'))).toBe('2026-11-23')
    expect(chinaToday(new Date('2026-11-23T16:00:00.000Z'))).toBe('2026-11-24')
  })
})

describe('uploaded documents are what their first bytes say', () => {
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])
  it('sniff accepts a declared type only when the bytes agree', () => {
    expect(sniff('image/png', PNG)).toBe('image/png')
    expect(sniff('IMAGE/JPEG; charset=binary', JPEG)).toBe('image/jpeg')
    expect(sniff('image/png', PDF)).toBeNull()
    expect(sniff('text/html', Buffer.from('<html>'))).toBeNull()
    expect(declaredType('image/pngx')).toBeNull()
  })

  it('sniffBytes names the type from the bytes alone, and nothing for anything else', () => {
    expect([sniffBytes(PNG), sniffBytes(PDF), sniffBytes(JPEG)]).toEqual(['image/png', 'application/pdf', 'image/jpeg'])
    expect(sniffBytes(Buffer.from('GIF89a'))).toBeNull()
    expect(sniffBytes(Buffer.alloc(0))).toBeNull()
    expect(sniffBytes(PNG.subarray(0, 7))).toBeNull()
  })

  it('only cloud-storage files directly under aid/ can be registered', () => {
    expect(CLOUD_AID_FILE.test('cloud://prod-1a2b.7072-prod-1a2b-1300000000/aid/1732350000000-k3j4h5.png')).toBe(true)
    expect(CLOUD_AID_FILE.test('cloud://prod.bucket/aid/.hidden')).toBe(false)
    expect(CLOUD_AID_FILE.test('cloud://prod.bucket/aidx/a.png')).toBe(false)
  })
})
