/**
 * A name as a public notice shows it: 张*明 (first and last character kept), 李* for two
 * characters, 欧阳**华 style for longer ones. Never the whole name.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}
