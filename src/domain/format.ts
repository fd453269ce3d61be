import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

dayjs.locale('zh-cn')

/** 2026年11月23日 */
export function formatDate(iso: string): string {
  return dayjs(iso).format('YYYY年M月D日')
}
