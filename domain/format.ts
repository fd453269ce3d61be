import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

dayjs.locale('zh-cn')

/** How long something has waited, for staff queues: 已等待 3 天 / 已等待 5 小时 / 刚刚提交. */
export function formatWait(sinceIso: string, now: Date): string {
  const hours = Math.floor((now.getTime() - Date.parse(sinceIso)) / 3_600_000)
  if (hours >= 24) return `已等待 ${Math.floor(hours / 24)} 天`
  if (hours >= 1) return `已等待 ${hours} 小时`
  return '刚刚提交'
}

/** 2026年11月23日 */
export function formatDate(iso: string): string {
  return dayjs(iso).format('YYYY年M月D日')
}

/** 2026年11月23日 14:05 (the phone's time zone). */
export function formatDateTime(iso: string): string {
  return dayjs(iso).format('YYYY年M月D日 HH:mm')
}
