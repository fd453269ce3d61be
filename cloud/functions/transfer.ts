import type { Handlers } from '../lib/dispatch'
import * as transfer from '../features/transfer'

/** 转会: the member starts or withdraws; the leaving union releases; the receiving union accepts or rejects. */
export const transferHandlers: Handlers<'transfer'> = { ...transfer.transfer }
