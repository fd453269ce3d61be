import type { Clock } from '../../cloud/lib/clock'
import { aidDb } from '../../cloud/features/aid/collections'
import type { Store } from '../../cloud/lib/store/port'
import { DEFAULT_NOTICE_DAYS } from '../../domain/aid/programme'

/**
 * One open 金秋助学 programme of 呼和浩特市总工会 for 2026, covering its whole subtree. Real
 * programmes open in summer; the demo's window is set around the demo's date so it can be tried.
 */
export async function seedAid(store: Store, clock: Clock): Promise<void> {
  await aidDb(store).programmes.insert({
    _id: 'aid-hhht-2026',
    unionId: 'hhht',
    year: 2026,
    name: '2026 年金秋助学（演示项目）',
    opensAt: '2026-10-31T16:00:00.000Z',
    closesAt: '2026-12-31T16:00:00.000Z',
    // 建档 / 非建档 per level, as union programmes publish them (issue #15's figures).
    amounts: {
      vocational: { registered: 300000, other: 200000 },
      high_school: { registered: 300000, other: 200000 },
      junior_college: { registered: 500000, other: 400000 },
      undergraduate: { registered: 500000, other: 400000 },
      postgraduate: { registered: 600000, other: 500000 },
    },
    categories: ['dibao', 'unprotected', 'dibao_edge', 'accident', 'other'],
    requiredDocuments: ['admission_letter', 'hardship_proof'],
    noticeDays: DEFAULT_NOTICE_DAYS,
    exclusions: '',
    excludes: ['military', 'free_teacher', 'directed', 'government_aid'],
    funds: 'enrolled_too',
    maxYears: 3,
    homeVisit: true,
    updatedAt: clock.now().toISOString(),
  })
}
