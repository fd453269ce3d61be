import { randomUUID } from 'node:crypto'
import { fictionalIdNumber } from '../../domain/join/fictional'

/** A complete, valid join form for a fictional person (born 1990, 新城区 region code). */
export function joinForm(overrides: Record<string, unknown> = {}) {
  return {
    unionId: 'hhht-xc-kd',
    idempotencyKey: randomUUID(),
    name: '张三',
    idNumber: fictionalIdNumber('150102', '19900101', 123),
    phone: '13800138000',
    ethnicity: '蒙古族',
    education: '高中/中专/技校',
    politicalStatus: '群众',
    hukou: '农村',
    employer: '示例速递（演示）有限公司',
    employment: 'courier',
    consentPersonal: true,
    consentSensitive: true,
    ...overrides,
  }
}
