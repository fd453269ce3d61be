import type { Handlers } from '../lib/dispatch'
import * as join from '../features/join'
import * as profile from '../features/profile'
import * as rights from '../features/rights'

/** 我的, 入会 and the person's data rights: what a member does about themselves. */
export const memberHandlers: Handlers<'member'> = { ...profile.member, ...join.member, ...rights.member }
