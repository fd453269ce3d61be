import { randomUUID } from 'node:crypto'
import type { ActionName, ActionOutput } from '../../domain/contract'
import type { CloudResult } from '../../domain/errors'
import { cloudHarness } from './cloud'
import type { StoreKind } from './store'
import type { MembershipDoc } from '../../cloud/lib/collections'
import type { Store } from '../../cloud/lib/store/port'
import { withDerived } from '../../cloud/features/benefits/build'
import type { OfferDoc } from '../../cloud/features/benefits/collections'
import { OFFER_CATEGORIES, OFFER_CITIES } from '../../domain/benefits/categories'

/** Adds `n` fictional active members of the given union: openids `${prefix}-0` … */
export async function addMembers(store: Store, n: number, unionId = 'hhht-xc-kd', prefix = 'm'): Promise<string[]> {
  const memberships = store.collection<MembershipDoc>('memberships')
  const openids: string[] = []
  for (let i = 0; i < n; i++) {
    const openid = `${prefix}-${i}`
    await memberships.insert({ _id: `ms-${openid}`, openid, unionId, memberNo: `T${prefix}${String(i).padStart(6, '0')}`, joinedAt: '2025-01-01T00:00:00.000Z', status: 'active' })
    openids.push(openid)
  }
  return openids
}

export const requestId = () => randomUUID()

/** A fictional active offer for list tests (stores given by the test), created `i` seconds after 2026-11-01. */
export function offerDoc(i: number, fields: Partial<Omit<OfferDoc, 'sortKey' | 'terms'>> = {}): OfferDoc {
  const createdAt = new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString()
  return withDerived({
    _id: `t-offer-${String(i).padStart(5, '0')}`, merchantId: 'm-bianmin', merchantName: '测试商户（演示）', unionId: 'nmg', unionPath: ['nmg'], eligibleUnionId: null,
    title: `测试福利${i}号（演示）`, category: OFFER_CATEGORIES[i % OFFER_CATEGORIES.length], description: '测试用的虚构福利。', rules: ['虚构'], images: [],
    city: OFFER_CITIES[i % OFFER_CITIES.length], county: '示例区', stores: [],
    startAt: '2026-11-01T00:00:00.000Z', endAt: '2027-01-01T00:00:00.000Z', total: 10, stock: 10,
    limit: { count: 1, period: 'once' }, couponValidDays: 30, status: 'active', createdAt, updatedAt: createdAt,
    ...fields,
  })
}

/** The harness, with calls to benefits typed by the contract's result shapes. */
export async function harness(start?: string, kind?: StoreKind) {
  const h = await cloudHarness(start, { kind })
  const b = <A extends ActionName<'benefits'>>(who: string | null, action: A, input: unknown) => h.callAs(who, 'benefits', action, input) as Promise<CloudResult<ActionOutput<'benefits', A>>>
  return { ...h, b }
}

export function data<T>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.data
}
