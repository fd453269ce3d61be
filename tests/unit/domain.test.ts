import * as v from 'valibot'
import { CloudError, ERROR_MESSAGES, isErrorCode } from '../../domain/errors'
import { formatDate, formatWait } from '../../domain/format'
import { isWithin } from '../../domain/unions'
import { parseInput } from '../../domain/validate'

describe('parseInput', () => {
  const Schema = v.strictObject({
    name: v.pipe(v.string('请填写姓名'), v.minLength(1, '请填写姓名')),
    child: v.object({ age: v.pipe(v.number('年龄须为数字'), v.minValue(0, '年龄不能为负')) }),
  })

  it('returns the parsed value', () => {
    expect(parseInput(Schema, { name: '甲', child: { age: 3 } })).toEqual({ name: '甲', child: { age: 3 } })
  })

  it('throws INVALID_INPUT with one Chinese message per dotted field path', () => {
    try {
      parseInput(Schema, { name: '', child: { age: -1 } })
      throw new Error('should have thrown')
    } catch (e) {
      expect(e).toBeInstanceOf(CloudError)
      const error = e as CloudError
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.fields).toEqual({ name: '请填写姓名', 'child.age': '年龄不能为负' })
      expect(error.message).toBe('请填写姓名')
    }
  })
})

describe('error codes', () => {
  it('every code has a Chinese message', () => {
    for (const message of Object.values(ERROR_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fa5]/)
  })
  it('recognises codes and only codes', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true)
    expect(isErrorCode('toString')).toBe(false)
    expect(isErrorCode(undefined)).toBe(false)
  })
})

describe('union subtree', () => {
  const grassroots = { id: 'g', ancestors: ['nmg', 'hhht', 'hhht-xc'] }
  it('staff act on their own union and those below it', () => {
    expect(isWithin(grassroots, 'hhht-xc')).toBe(true)
    expect(isWithin(grassroots, 'nmg')).toBe(true)
    expect(isWithin(grassroots, 'g')).toBe(true)
  })
  it('never on a sibling or a union below them acting upward', () => {
    expect(isWithin(grassroots, 'hhht-hm')).toBe(false)
    expect(isWithin({ id: 'hhht-xc', ancestors: ['nmg', 'hhht'] }, 'g')).toBe(false)
  })
})

describe('formatDate', () => {
  it('writes dates the Chinese way', () => {
    expect(formatDate('2024-03-15T02:00:00.000Z')).toBe('2024年3月15日')
  })
})

describe('formatWait', () => {
  it('says how long a queue item has waited', () => {
    const now = new Date('2026-11-23T12:00:00Z')
    expect(formatWait('2026-11-23T11:30:00Z', now)).toBe('刚刚提交')
    expect(formatWait('2026-11-23T07:00:00Z', now)).toBe('已等待 5 小时')
    expect(formatWait('2026-11-20T11:00:00Z', now)).toBe('已等待 3 天')
  })
})
