import type { Handlers } from '../lib/dispatch'
import * as unions from '../features/unions'

/** 组织管理: union staff add unions below theirs, edit and close those in their subtree. */
export const orgHandlers: Handlers<'org'> = { ...unions.org }
