import type { EducationLevel, EmploymentType, Ethnicity, HukouType, PoliticalStatus } from '../../../domain/join/options'
import type { CollectionIndexes, Doc, Store } from '../../lib/store/port'

/** A join application (入会申请). The ID number only encrypted, hashed and masked. */
export interface ApplicationDoc extends Doc {
  openid: string
  /** The client's retry key: the same submission sent twice is one application (its id comes from the key). */
  idempotencyKey?: string
  /** The same key as applications stored before 2026-12 name it; nothing reads either (storedKeyOf if you must). */
  requestId?: string
  unionId: string
  /** The union's ancestors then itself: `{ unionPath: staffUnionId }` finds a subtree's applications. */
  unionPath: string[]
  /**
   * 'withdrawn': the applicant withdrew their consent while it was pending (我的 → 个人信息).
   * 'lapsed': nobody decided it in APPLICATION_LAPSE_DAYS (member.lapseApplications).
   */
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'lapsed'
  name: string
  /** AES-256-GCM of the ID number (cloud/lib/crypto.ts). */
  idCipher: string
  /** keyedHash of the ID number: finds the claim without the number in clear. */
  idHash: string
  idMasked: string
  gender: 'male' | 'female'
  birthDate: string
  phone: string
  ethnicity: Ethnicity
  education: EducationLevel
  politicalStatus: PoliticalStatus
  hukou: HukouType
  employer: string
  employment: EmploymentType
  /** When each consent was given (personal information; sensitive information, separately), and withdrawn. */
  consents: { personalAt: string; sensitiveAt: string; withdrawnAt?: string }
  submittedAt: string
  decidedAt: string | null
  decidedBy: string | null
  rejectReason: string | null
  memberNo: string | null
  membershipId: string | null
}

/**
 * A lock, `_id` the thing locked, so of two inserts exactly one wins (claims.ts):
 * - the account (`account:<hash>`): one pending application per account, released when it is decided;
 * - the ID number (`_id` its keyed hash): one membership per person, taken by the approval ('member')
 *   and kept. Since #14 item 4 a pending application no longer locks its ID number (a stranger's
 *   application must not lock the owner out); locks of status 'pending' on an ID number are older.
 */
export interface JoinClaimDoc extends Doc {
  openid: string
  applicationId: string
  unionId: string
  status: 'pending' | 'member'
  createdAt: string
  /** New at each take of an ID-number lock: a release of a lock left behind removes exactly the one it read. */
  lockId?: string
}

/** Sequences (member numbers per region code), advanced by a conditional update. */
export interface CounterDoc extends Doc {
  seq: number
}

/** Per-union join settings: a union may approve applications at once. `_id` is the union's id. */
export interface JoinSettingsDoc extends Doc {
  autoApprove: boolean
}

/** A union code's 小程序码 in cloud storage, made once (wxacode.getUnlimited is rate-limited). `_id` is the code (its scene): a union's id, or a code it took later. */
export interface JoinCodeDoc extends Doc {
  fileId: string
  createdAt: string
}

/**
 * One ID number held by another account that an account tried, on one China day (#14): `_id` is a
 * keyed hash of account, ID number and day, so trying the same one again is not a new try.
 */
export interface JoinProbeDoc extends Doc {
  /** Keyed hash of the account (never the openid itself). */
  account: string
  day: string
  createdAt: string
}

/**
 * One recorded member-card check (#15 item 6): where and when, and how many (an offline batch is
 * several). Counts only: nothing about the member (no openid, no name, no membership), nor the checker.
 */
export interface CardCheckDoc extends Doc {
  /** `merchant:<id>` or `union:<id>`. */
  place: string
  /** China day, for the day's figures. */
  day: string
  at: string
  mode: 'online' | 'offline'
  count: number
  /** Checked at a station (the keeper opened 会员核验 from it): its code, and its unionPath for the staff figures. */
  station?: string
  stationPath?: string[]
}

export const joinDb = (store: Store) => ({
  applications: store.collection<ApplicationDoc>('applications'),
  claims: store.collection<JoinClaimDoc>('joinClaims'),
  counters: store.collection<CounterDoc>('counters'),
  settings: store.collection<JoinSettingsDoc>('joinSettings'),
  codes: store.collection<JoinCodeDoc>('joinCodes'),
  probes: store.collection<JoinProbeDoc>('joinIdProbes'),
  checks: store.collection<CardCheckDoc>('cardChecks'),
})

export const JOIN_COLLECTIONS: CollectionIndexes = {
  applications: [{ fields: ['openid'] }, { fields: ['unionPath'] }, { fields: ['status'] }, { fields: ['idHash'] }],
  joinClaims: [],
  counters: [],
  joinSettings: [],
  joinCodes: [],
  joinIdProbes: [{ fields: ['account', 'day'] }, { fields: ['day'] }],
  // A place's checks of one day: the day's figures.
  cardChecks: [{ fields: ['place', 'day'] }, { fields: ['station', 'day'] }, { fields: ['stationPath', 'day'] }],
}
