/**
 * Organisation levels of the union tree (全总 → 省 → 市 → 县 → 基层) and their names, with no schema
 * library: 我的 shows a role's union level from the main package (the contract's UnionLevel
 * schema is built from this list).
 */
export const UNION_LEVELS = ['national', 'province', 'city', 'county', 'street', 'industry', 'newforms', 'grassroots'] as const
export type UnionLevel = (typeof UNION_LEVELS)[number]

export const UNION_LEVEL_NAMES: Record<UnionLevel, string> = {
  national: '全国总工会',
  province: '省级总工会',
  city: '市级总工会',
  county: '县级总工会',
  street: '乡镇（街道）工会',
  industry: '行业工会联合会',
  newforms: '新业态工会联合会',
  grassroots: '基层工会',
}
