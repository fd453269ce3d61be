import type { Handlers } from '../lib/dispatch'
import * as join from '../features/join'
import * as profile from '../features/profile'
import * as rights from '../features/rights'
import * as home from '../features/home'

/** 我的, 入会, the person's data rights and 首页's summary: what a member does about themselves. */
export const memberHandlers: Handlers<'member'> = { ...profile.member, ...join.member, ...rights.member, ...home.member }
