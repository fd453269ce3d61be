import * as v from 'valibot'
import { defineAction } from './define'
import { EmptyInput, IdempotencyKey, IsoTime, UnionSummary } from './common'
import { StationCode } from './stations'

/** A public key of the member card (domain/card/token.ts CardKey). */
export const CardKeyView = v.object({ kid: v.string(), publicKey: v.string() })

/** Where checks are counted: the checker's merchant, or else their union (there is no station-keeper role). */
export const CheckPlace = v.object({ kind: v.picklist(['merchant', 'union']), id: v.string(), name: v.string() })
export type CheckPlace = v.InferOutput<typeof CheckPlace>

/** Actions of the `member` function for checking a member card (#15 items 6–7); spread into `member`. */
export const cardActions = {
  cardKeys: defineAction({
    access: 'public',
    summary: '会员码的公钥（当前与上一把），供核验页离线核验；公钥不含个人信息',
    input: EmptyInput,
    output: v.object({ keys: v.array(CardKeyView) }),
  }),
  verifyCard: defineAction({
    access: 'user',
    summary: '商户核销员或工会工作人员在线核验会员码（另查会籍是否仍有效），并为本商户或本工会记一次核验',
    input: v.strictObject({
      token: v.pipe(v.string('请提供会员码'), v.minLength(1, '请提供会员码'), v.maxLength(1024, '会员码无效')),
      /** Checked at this station (opened from it, by staff of its managing union): counted for the station too. */
      stationCode: v.optional(StationCode),
    }),
    output: v.object({
      valid: v.literal(true),
      union: UnionSummary,
      memberNo: v.string(),
      status: v.picklist(['active']),
      /** The member's name masked (王*骑), as the token carries it. */
      maskedName: v.string(),
      checkedAt: IsoTime,
    }),
  }),
  recordOfflineChecks: defineAction({
    access: 'user',
    summary: '补记离线核验的次数（只有次数，没有会员信息）；idempotencyKey 使重发只算一次',
    input: v.strictObject({
      count: v.pipe(v.number('请提供次数'), v.integer('次数须为整数'), v.minValue(1, '次数至少为 1'), v.maxValue(1000, '一次最多补记 1000 次')),
      idempotencyKey: IdempotencyKey,
      stationCode: v.optional(StationCode),
    }),
    output: v.object({ recorded: v.number() }),
  }),
  cardChecks: defineAction({
    access: 'user',
    summary: '本商户或本工会今天的会员码核验次数（在线、离线补记）；给出驿站时另附该驿站今天的核验次数',
    input: v.strictObject({ stationCode: v.optional(StationCode) }),
    output: v.object({ place: CheckPlace, day: v.string(), online: v.number(), offline: v.number(), station: v.optional(v.object({ code: v.string(), name: v.string(), checks: v.number() })) }),
  }),
}
