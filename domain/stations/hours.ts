import { chinaWeekMinute } from '../time'

/**
 * Opening hours (营业时间): 24h, or spans per weekday. A span whose close is not after its open
 * runs overnight into the next day (22:00–06:00). Times are the station's local time: China time
 * (../time.ts), whatever zone the phone is in.
 */
export interface Span {
  /** Minutes after local midnight, 0…1439. */
  open: number
  /** Minutes after midnight, 1…1440; at or before `open` means the next day. */
  close: number
}

export type Hours = { allDay: true } | { allDay: false; /** Monday first, seven lists of spans. */ week: Span[][] }

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/** Local weekday (0 = Monday) and minute of day at the station for the instant `now`. */
export const localTime = (now: Date): { day: number; minute: number } => chinaWeekMinute(now)

const overnight = (span: Span) => span.close <= span.open

/** Open at `now`? Opening minute counts as open, closing minute as closed. */
export function isOpenAt(hours: Hours, now: Date): boolean {
  if (hours.allDay) return true
  const { day, minute } = localTime(now)
  const today = hours.week[day] ?? []
  for (const span of today) {
    if (minute >= span.open && (overnight(span) || minute < span.close)) return true
  }
  const yesterday = hours.week[(day + 6) % 7] ?? []
  for (const span of yesterday) {
    if (overnight(span) && minute < span.close) return true
  }
  return false
}

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/

function parseTime(text: string): number | null {
  const m = TIME.exec(text.trim())
  if (!m) return null
  const minutes = Number(m[1]) * 60 + Number(m[2])
  return minutes > 1440 ? null : minutes
}

function parseDays(text: string): number[] | null {
  const t = text.trim().toLowerCase()
  if (t === 'daily' || t === '每天') return [0, 1, 2, 3, 4, 5, 6]
  const days = new Set<number>()
  for (const part of t.split(',')) {
    const range = part.split('-').map((d) => WEEKDAYS.indexOf(d.trim() as (typeof WEEKDAYS)[number]))
    if (range.some((d) => d < 0) || range.length > 2) return null
    const [from, to = from] = range
    if (to < from) return null
    for (let d = from; d <= to; d++) days.add(d)
  }
  return [...days]
}

export type ParsedHours = { ok: true; hours: Hours } | { ok: false; reason: string }

/**
 * Reads hours as the import files write them: `24h`, or `;`-separated groups of
 * `<days> <HH:MM-HH:MM>[,<HH:MM-HH:MM>]` where days are `daily`, `mon-fri`, `sat,sun`…
 * e.g. `mon-fri 07:00-20:00; sat,sun 09:00-17:00` or `daily 22:00-06:00`.
 */
export function parseHours(text: string): ParsedHours {
  const t = text.trim()
  if (/^(24h|24小时|全天)$/i.test(t)) return { ok: true, hours: { allDay: true } }
  if (!t) return { ok: false, reason: '营业时间为空' }
  const week: Span[][] = [[], [], [], [], [], [], []]
  for (const group of t.split(';').map((g) => g.trim()).filter(Boolean)) {
    const m = /^(\S+)\s+(.+)$/.exec(group)
    if (!m) return { ok: false, reason: `营业时间格式不对：${group}` }
    const days = parseDays(m[1])
    if (!days) return { ok: false, reason: `星期写法不对：${m[1]}` }
    for (const spanText of m[2].split(',')) {
      const [a, b, extra] = spanText.split('-')
      const open = a === undefined ? null : parseTime(a)
      const close = b === undefined ? null : parseTime(b)
      if (open === null || close === null || extra !== undefined || open === 1440) return { ok: false, reason: `时间段写法不对：${spanText.trim()}` }
      if (open === close) return { ok: false, reason: `时间段开始与结束相同：${spanText.trim()}（全天请写 24h）` }
      for (const d of days) week[d].push({ open, close: close === 0 ? 1440 : close })
    }
  }
  for (const spans of week) {
    spans.sort((x, y) => x.open - y.open)
    for (let i = 1; i < spans.length; i++) {
      if (spans[i].open < spans[i - 1].close && !overnight(spans[i - 1])) return { ok: false, reason: '同一天的时间段有重叠' }
    }
  }
  return { ok: true, hours: { allDay: false, week } }
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60) % 25).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** The text form parseHours reads back (stations edits send it). */
export function hoursToText(hours: Hours): string {
  if (hours.allDay) return '24h'
  return hours.week
    .map((spans, d) => (spans.length ? `${WEEKDAYS[d]} ${spans.map((s) => `${hhmm(s.open)}-${hhmm(s.close)}`).join(',')}` : ''))
    .filter(Boolean)
    .join('; ')
}

/** Lines for the detail view: "周一至周五 07:00–20:00", "每天 22:00–次日06:00", "24 小时". */
export function describeHours(hours: Hours): string[] {
  if (hours.allDay) return ['24 小时营业']
  const text = hours.week.map((spans) => (spans.length ? spans.map((s) => `${hhmm(s.open)}–${overnight(s) ? '次日' : ''}${hhmm(s.close)}`).join('、') : '休息'))
  const lines: string[] = []
  let start = 0
  for (let d = 1; d <= 7; d++) {
    if (d === 7 || text[d] !== text[start]) {
      const days = start === 0 && d === 7 ? '每天' : d - 1 === start ? WEEKDAY_NAMES[start] : `${WEEKDAY_NAMES[start]}至${WEEKDAY_NAMES[d - 1]}`
      lines.push(`${days} ${text[start]}`)
      start = d
    }
  }
  return lines
}
