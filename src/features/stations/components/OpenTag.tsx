import { Text } from '@tarojs/components'

/** 营业中 / 已打烊 (or 暂停服务 for a suspended station). */
export function OpenTag({ open, suspended = false }: { open: boolean; suspended?: boolean }) {
  const text = suspended ? '暂停服务' : open ? '营业中' : '已打烊'
  return <Text className={`open-tag${open && !suspended ? ' open-tag--open' : ''}`}>{text}</Text>
}
