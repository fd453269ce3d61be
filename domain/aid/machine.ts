import { chinaToday } from '../time'
import { visitSummary, type HomeVisit } from './visit'

/**
 * The application's life as a table: which event moves which state to which, and who acts.
 * The cloud turns each row into one conditional update `{ _id, status: from }` → `to`.
 */
/** 'withdrawn': the parent withdrew their consent to the sensitive data while it was in progress (我的 → 个人信息). */
export const APPLICATION_STATES = ['submitted', 'returned', 'verified', 'approved', 'rejected', 'paid', 'withdrawn'] as const
export type ApplicationState = (typeof APPLICATION_STATES)[number]

/** Each state in the parent's and the union's words. */
export const AID_STATUS_NAMES: Record<ApplicationState, string> = {
  submitted: '基层审核中',
  returned: '退回修改',
  verified: '上级审批中',
  approved: '公示中',
  rejected: '未通过',
  paid: '已发放',
  withdrawn: '已撤回',
}

export type ApplicationEvent = 'resubmit' | 'verify' | 'send_back' | 'approve' | 'reject' | 'uphold_objection' | 'mark_paid'

export type Actor = 'applicant' | 'level_one' | 'level_two'

export interface Transition {
  from: ApplicationState
  to: ApplicationState
  by: Actor
}

export const TRANSITIONS: Record<ApplicationEvent, Transition> = {
  resubmit: { from: 'returned', to: 'submitted', by: 'applicant' },
  verify: { from: 'submitted', to: 'verified', by: 'level_one' },
  send_back: { from: 'submitted', to: 'returned', by: 'level_one' },
  approve: { from: 'verified', to: 'approved', by: 'level_two' },
  reject: { from: 'verified', to: 'rejected', by: 'level_two' },
  uphold_objection: { from: 'approved', to: 'rejected', by: 'level_two' },
  mark_paid: { from: 'approved', to: 'paid', by: 'level_two' },
}

export function transition(state: ApplicationState, event: ApplicationEvent): ApplicationState | null {
  const row = TRANSITIONS[event]
  return row.from === state ? row.to : null
}

/** The parent's timeline: 已提交 → 基层审核 → 上级审批 → 公示中 → 已发放, or a stop with its reason. */
export type TimelineStep = { key: string; title: string; state: 'done' | 'current' | 'todo' | 'stopped'; detail?: string }

export interface TimelineInput {
  status: ApplicationState
  submittedAt: string
  returnNote?: string | null
  rejectReason?: string | null
  noticeEndsAt?: string | null
  paidAt?: string | null
  paidReference?: string | null
  homeVisit?: Pick<HomeVisit, 'visitedOn' | 'checks'> | null
}

const STEPS = [
  { key: 'submitted', title: '已提交' },
  { key: 'level_one', title: '基层审核' },
  { key: 'level_two', title: '上级审批' },
  { key: 'notice', title: '公示中' },
  { key: 'paid', title: '已发放' },
] as const

/** Index of the step in progress for each state (the steps before it are done). */
const CURRENT: Record<ApplicationState, number> = { submitted: 1, returned: 1, verified: 2, approved: 3, rejected: 2, paid: 5, withdrawn: 1 }

export function timeline(a: TimelineInput): TimelineStep[] {
  const current = CURRENT[a.status]
  return STEPS.map((step, i): TimelineStep => {
    if (i < current) return { ...step, state: 'done', detail: i === 0 ? chinaToday(new Date(a.submittedAt)) : undefined }
    if (i > current) return { ...step, state: 'todo' }
    if (a.status === 'returned') return { key: step.key, title: '退回修改', state: 'stopped', detail: a.returnNote ?? undefined }
    if (a.status === 'rejected') return { key: step.key, title: '未通过', state: 'stopped', detail: a.rejectReason ?? undefined }
    if (a.status === 'withdrawn') return { key: step.key, title: '已撤回', state: 'stopped', detail: '申请人撤回了同意' }
    if (a.status === 'approved') return { ...step, state: 'current', detail: a.noticeEndsAt ? `公示至 ${chinaToday(new Date(a.noticeEndsAt))}` : undefined }
    return { ...step, state: 'current' }
  })
    .map((s) => (s.key === 'paid' && a.status === 'paid' ? { ...s, detail: [a.paidAt?.slice(0, 10), a.paidReference].filter(Boolean).join(' ') } : s))
    .map((s) => (s.key === 'level_one' && a.homeVisit && s.state !== 'stopped' ? { ...s, detail: visitSummary(a.homeVisit) } : s))
}
