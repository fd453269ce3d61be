import type { Declarations, DocumentKind, HardshipCategory, SchoolLevel, StoredRules } from '../../../domain/aid/programme'
import type { HomeVisit } from '../../../domain/aid/visit'
import type { UploadType } from '../../../domain/aid/files'
import type { ApplicationState } from '../../../domain/aid/machine'
import type { CollectionIndexes, Doc, Store } from '../../lib/store/port'

/** Rules as stored: read them with readRules (domain/aid/programme.ts), which fills what older ones lack. */
export interface ProgrammeDoc extends Doc, StoredRules {
  unionId: string
  name: string
  exclusions: string
  updatedAt: string
}

export interface ApplicationDoc extends Doc {
  programmeId: string
  year: number
  owner: string
  idempotencyKey: string
  /** Unions from the top down to the applicant's grassroots union: staff query `{ unionPath: id }`. */
  unionPath: string[]
  unionId: string
  /**
   * Who reviews it (cloud/features/aid/levels.ts, from unionPath by domain/aid/review.ts's rule):
   * the grassroots union and its parent at level one, the union above them at level two (null on a
   * path too short to have one). The desk, 首页's counts and the review list filter on these.
   */
  levelOneUnionIds: string[]
  levelTwoUnionId: string | null
  status: ApplicationState
  child: {
    name: string
    /** encrypt(dataKey) of the ID number; `childKey` is keyedHash(hashKey) for uniqueness. */
    idSealed: string
    idMasked: string
    relation: 'parent' | 'guardian'
    school: string
    major: string
    admissionYear: number
    level: SchoolLevel
    age: number
  }
  childKey: string
  /** migrantWorker: 农民工 household (asked since #15). */
  household: { size: number; annualIncomeFen: number; perCapitaMonthlyFen: number; category: HardshipCategory; description: string; migrantWorker?: boolean }
  /** The exclusions the parent answered (since #15). */
  declarations?: Declarations
  /** Last year's funded application this one carries over. */
  renewalOf?: string | null
  /** Level one's 入户核查; its photos (the reviewer's uploads) are also in visitFileIds. */
  homeVisit?: HomeVisit | null
  visitFileIds?: string[]
  documents: Array<{ kind: DocumentKind; fileId: string }>
  /** The documents' file ids, flat, so a file's readers are found with `{ fileIds: id }`. */
  fileIds: string[]
  consents: { sensitive: true; guardian: boolean; at: string; withdrawnAt?: string }
  payout: { bank: string; cardSealed: string; cardMasked: string }
  submittedAt: string
  updatedAt: string
  returnNote: string | null
  rejectReason: string | null
  amountFen: number | null
  noticeStartsAt: string | null
  noticeEndsAt: string | null
  paidAt: string | null
  paidReference: string | null
  /**
   * Set when the person's request to delete was carried out (a rejected or withdrawn application):
   * the child's and household's details, documents and card are gone; what is left (year, childKey,
   * status) keeps "one application per child and year" and the union's count of applications true.
   */
  erasedAt?: string
}

export interface FileDoc extends Doc {
  owner: string
  type: UploadType
  size: number
  createdAt: string
  /** WeChat uploads: the cloud-storage fileID this record registers (its `_id` is derived from it). */
  cloudFileId?: string
  /** WeChat uploads: the file's name as the parent picked it. */
  name?: string
}

export interface ObjectionDoc extends Doc {
  applicationId: string
  unionPath: string[]
  /** The application's level-two union, who handles the objection (as on the application). */
  levelTwoUnionId: string | null
  text: string
  contact: string
  /** The objector's OPENID (null only on objections from before #14, which took anonymous ones). */
  by: string | null
  createdAt: string
  status: 'open' | 'upheld' | 'dismissed'
  note: string | null
}

/** The review fields of an application nobody has reviewed yet. */
export const UNREVIEWED = {
  returnNote: null,
  rejectReason: null,
  amountFen: null,
  noticeStartsAt: null,
  noticeEndsAt: null,
  paidAt: null,
  paidReference: null,
} satisfies Partial<ApplicationDoc>

export const aidDb = (store: Store) => ({
  programmes: store.collection<ProgrammeDoc>('aidProgrammes'),
  applications: store.collection<ApplicationDoc>('aidApplications'),
  objections: store.collection<ObjectionDoc>('aidObjections'),
  files: store.collection<FileDoc>('files'),
})

export const AID_COLLECTIONS: CollectionIndexes = {
  aidProgrammes: [{ fields: ['unionId', 'year'], unique: true }],
  aidApplications: [
    // One application per child per year, across every union.
    { fields: ['childKey', 'year'], unique: true },
    { fields: ['owner'] },
    // A subtree's applications, and (the staff figures) those submitted in a range of days.
    { fields: ['unionPath', 'submittedAt'] },
    { fields: ['fileIds'] },
    { fields: ['visitFileIds'] },
    // What waits for a reviewer at each level, oldest change first (the desk, 首页's counts) ...
    { fields: ['levelOneUnionIds', 'status', 'updatedAt'] },
    { fields: ['levelTwoUnionId', 'status', 'updatedAt'] },
    // ... and the review list, by submission, of one state or all.
    { fields: ['levelOneUnionIds', 'status', 'submittedAt'] },
    { fields: ['levelTwoUnionId', 'status', 'submittedAt'] },
  ],
  aidObjections: [
    { fields: ['applicationId'] },
    // Open objections for a level-two union, oldest first (the desk).
    { fields: ['levelTwoUnionId', 'status', 'createdAt'] },
  ],
  files: [{ fields: ['owner'] }],
}
