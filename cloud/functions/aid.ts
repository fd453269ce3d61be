import type { Handlers } from '../lib/dispatch'
import * as aid from '../features/aid'

/** 金秋助学: the member applies; reviewers decide; staff set programmes and export. */
export const aidHandlers: Handlers<'aid'> = { ...aid.aid }
