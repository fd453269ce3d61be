import * as v from 'valibot'
import { PageCursor } from '../../domain/contract'
import { pageCursor, parsePageCursor, nameCursor, parseNameCursor } from '../../domain/paging'

describe('page cursors (domain/paging.ts)', () => {
  it('reads back what it writes, ids with dashes and underscores included', () => {
    for (const position of [
      { value: '2026-11-05T00:00:00.000Z', id: 'app-000123-4' },
      { value: '2026-11-05T00:00:00Z', id: 'a_b_c' },
      { value: '2026-11-05T23:59:59.999Z', id: '0b7f6c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e' },
    ]) {
      expect(parsePageCursor(pageCursor(position))).toEqual(position)
      expect(v.is(PageCursor, pageCursor(position))).toBe(true)
    }
  })

  it('refuses what the cloud never writes', () => {
    for (const cursor of ['', 'nonsense', 'not-a-date_app-1', '2026-11-05_x', '2026-11-05T00:00:00.000Z', '2026-11-05T00:00:00.000Z_', '2026-13-45T99:99:99.000Z_x', '2026-11-05T00:00:00.000Z_a b', `2026-11-05T00:00:00.000Z_${'x'.repeat(101)}`]) {
      expect(parsePageCursor(cursor)).toBeNull()
      expect(v.is(PageCursor, cursor)).toBe(false)
    }
  })
})

describe('name cursors (the join-poster list)', () => {
  it('reads back what it writes, names with colons and spaces included', () => {
    for (const position of [{ id: 'hhht-xc-kd', value: '示例速递（演示）有限公司工会' }, { id: 'u_1', value: 'a:b c' }]) {
      expect(parseNameCursor(nameCursor(position))).toEqual(position)
    }
  })

  it('refuses what the cloud never writes', () => {
    for (const bad of ['', ':name', 'id:', 'no-colon', 'has space:name']) expect(parseNameCursor(bad)).toBeNull()
  })
})
