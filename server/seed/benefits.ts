import type { Clock } from '../../cloud/lib/clock'
import { collections, type MerchantDoc } from '../../cloud/lib/collections'
import { withDerived } from '../../cloud/features/benefits/build'
import { benefitsDb, type OfferDoc } from '../../cloud/features/benefits/collections'
import type { Store } from '../../cloud/lib/store/port'
import { placedMerchant } from '../../cloud/features/merchants/backfill'

/**
 * Demo 普惠 offers from invented partner merchants across Inner Mongolia. Every merchant, store
 * and address here is fictional and says so; windows are relative to the first start.
 */
const MERCHANTS: MerchantDoc[] = [
  { _id: 'm-qingcheng-canyin', name: '示例青城餐厅（演示）', unionId: 'hhht' },
  { _id: 'm-baotou-tiyu', name: '示例鹿城体育馆（演示）', unionId: 'nmg' },
  { _id: 'm-eerduosi-tijian', name: '示例康巴什体检中心（演示）', unionId: 'nmg' },
  { _id: 'm-chifeng-lvyou', name: '示例红山景区（演示）', unionId: 'nmg' },
  { _id: 'm-hhht-jiaotong', name: '示例青城公交卡服务点（演示）', unionId: 'hhht' },
]

const DAY = 24 * 3600 * 1000

interface OfferSeed {
  id: string
  merchantId: string
  unionId: string
  unionPath: string[]
  eligibleUnionId?: string
  title: string
  category: OfferDoc['category']
  description: string
  rules: string[]
  city: OfferDoc['city']
  county: string
  stores: OfferDoc['stores']
  /** Days from the seed's start; negative is in the past. */
  startDay: number
  endDay: number
  total: number
  limit: OfferDoc['limit']
  validDays: number
}

const RULES = ['仅限工会会员本人使用，不得转让', '不兑现金、不找零', '到店出示券码，由店员核销']

const OFFERS: OfferSeed[] = [
  {
    id: 'offer-bianmin-mian', merchantId: 'm-bianmin', unionId: 'hhht', unionPath: ['nmg', 'hhht'],
    title: '粮油日用满50减15', category: '日常生活', description: '会员到店购买粮油、日用品满50元立减15元。', rules: RULES,
    city: '呼和浩特', county: '新城区', stores: [{ name: '示例便民超市（演示）新城店', address: '呼和浩特市新城区示例路1号（演示地址）', latitude: 40.8414, longitude: 111.7522 }],
    startDay: -7, endDay: 60, total: 500, limit: { count: 1, period: 'month' }, validDays: 30,
  },
  {
    id: 'offer-bianmin-shuiguo', merchantId: 'm-bianmin', unionId: 'hhht-xc', unionPath: ['nmg', 'hhht', 'hhht-xc'], eligibleUnionId: 'hhht-xc',
    title: '新城区会员水果八折', category: '购物', description: '新城区总工会所属会员购买水果享八折。', rules: RULES,
    city: '呼和浩特', county: '新城区', stores: [{ name: '示例便民超市（演示）新城店', address: '呼和浩特市新城区示例路1号（演示地址）', latitude: 40.8414, longitude: 111.7522 }],
    startDay: -3, endDay: 30, total: 200, limit: { count: 2, period: 'week' }, validDays: 7,
  },
  {
    id: 'offer-qingcheng-wucan', merchantId: 'm-qingcheng-canyin', unionId: 'hhht', unionPath: ['nmg', 'hhht'],
    title: '工作午餐套餐立减10元', category: '餐饮', description: '工作日午餐套餐立减10元，快递员、外卖骑手优先出餐。', rules: [...RULES, '仅限工作日11:00—14:00使用'],
    city: '呼和浩特', county: '回民区', stores: [{ name: '示例青城餐厅（演示）中山路店', address: '呼和浩特市回民区示例街8号（演示地址）', latitude: 40.8163, longitude: 111.6592 }],
    startDay: -10, endDay: 45, total: 3, limit: { count: 1, period: 'day' }, validDays: 1,
  },
  {
    id: 'offer-hm-jianzhu', merchantId: 'm-qingcheng-canyin', unionId: 'hhht-hm', unionPath: ['nmg', 'hhht', 'hhht-hm'], eligibleUnionId: 'hhht-hm',
    title: '回民区建筑工人早餐券', category: '餐饮', description: '回民区总工会所属会员早餐免费一份。', rules: RULES,
    city: '呼和浩特', county: '回民区', stores: [{ name: '示例青城餐厅（演示）中山路店', address: '呼和浩特市回民区示例街8号（演示地址）', latitude: 40.8163, longitude: 111.6592 }],
    startDay: -5, endDay: 20, total: 100, limit: { count: 1, period: 'week' }, validDays: 7,
  },
  {
    id: 'offer-baotou-youyong', merchantId: 'm-baotou-tiyu', unionId: 'nmg', unionPath: ['nmg'],
    title: '游泳馆单次票5折', category: '文化体育', description: '会员凭券游泳单次票半价。', rules: [...RULES, '需自备泳帽'],
    city: '包头', county: '昆都仑区', stores: [{ name: '示例鹿城体育馆（演示）', address: '包头市昆都仑区示例大街20号（演示地址）', latitude: 40.6571, longitude: 109.8404 }],
    startDay: -20, endDay: 90, total: 1000, limit: { count: 2, period: 'month' }, validDays: 14,
  },
  {
    id: 'offer-eerduosi-tijian', merchantId: 'm-eerduosi-tijian', unionId: 'nmg', unionPath: ['nmg'],
    title: '职工基础体检套餐199元', category: '医疗体检', description: '原价398元的基础体检套餐，会员价199元。', rules: [...RULES, '请提前一天电话预约'],
    city: '鄂尔多斯', county: '康巴什区', stores: [{ name: '示例康巴什体检中心（演示）', address: '鄂尔多斯市康巴什区示例路66号（演示地址）', latitude: 39.6081, longitude: 109.7811 }],
    startDay: -2, endDay: 120, total: 300, limit: { count: 1, period: 'once' }, validDays: 60,
  },
  {
    id: 'offer-chifeng-hongshan', merchantId: 'm-chifeng-lvyou', unionId: 'nmg', unionPath: ['nmg'],
    title: '红山景区门票免费', category: '参观游览', description: '会员本人免门票游览一次。', rules: [...RULES, '节假日需预约'],
    city: '赤峰', county: '红山区', stores: [{ name: '示例红山景区（演示）游客中心', address: '赤峰市红山区示例景区路1号（演示地址）', latitude: 42.2863, longitude: 118.9584 }],
    startDay: 3, endDay: 100, total: 800, limit: { count: 1, period: 'once' }, validDays: 30,
  },
  {
    id: 'offer-hhht-gongjiao', merchantId: 'm-hhht-jiaotong', unionId: 'hhht', unionPath: ['nmg', 'hhht'],
    title: '公交月卡充值立减20元', category: '交通出行', description: '会员办理公交月卡充值立减20元。', rules: RULES,
    city: '呼和浩特', county: '赛罕区', stores: [
      { name: '示例青城公交卡服务点（演示）赛罕站', address: '呼和浩特市赛罕区示例路3号（演示地址）', latitude: 40.8071, longitude: 111.7003 },
      { name: '示例青城公交卡服务点（演示）火车站', address: '呼和浩特市回民区示例广场1号（演示地址）', latitude: 40.8290, longitude: 111.6622 },
    ],
    startDay: -1, endDay: 60, total: 1000, limit: { count: 1, period: 'month' }, validDays: 30,
  },
  {
    id: 'offer-baotou-peixun', merchantId: 'm-baotou-tiyu', unionId: 'nmg', unionPath: ['nmg'],
    title: '职工技能培训课程抵扣券', category: '教育培训', description: '电工、焊工等技能培训课程抵扣100元。', rules: RULES,
    city: '包头', county: '青山区', stores: [{ name: '示例鹿城培训中心（演示）', address: '包头市青山区示例路9号（演示地址）', latitude: 40.6434, longitude: 109.9013 }],
    startDay: -4, endDay: 80, total: 150, limit: { count: 1, period: 'once' }, validDays: 30,
  },
]

export async function seedBenefits(store: Store, clock: Clock): Promise<void> {
  const start = clock.now().getTime()
  const db = benefitsDb(store)
  const shared = collections(store)
  const at = clock.now().toISOString()
  for (const merchant of MERCHANTS) {
    const union = await shared.unions.get(merchant.unionId)
    if (!union) throw new Error(`demo seed: no union ${merchant.unionId} for ${merchant._id}`)
    // Its stores are those of its offers below; its contact is made up.
    const stores = OFFERS.filter((o) => o.merchantId === merchant._id).flatMap((o) => o.stores)
    const unique = [...new Map(stores.map((st) => [st.name, st])).values()]
    await shared.merchants.insert(placedMerchant({ ...merchant, contactName: '示例联系人（演示）', contactPhone: '13900000002', stores: unique }, union, at))
  }
  let order = 0
  for (const o of OFFERS) {
    // Spread creation a minute apart so "newest first" has a stable, readable order.
    const createdAt = new Date(start - DAY + order++ * 60_000).toISOString()
    await db.offers.insert(
      withDerived({
        _id: o.id, merchantId: o.merchantId, merchantName: (MERCHANTS.find((m) => m._id === o.merchantId)?.name ?? '示例便民超市（演示）'),
        unionId: o.unionId, unionPath: o.unionPath, eligibleUnionId: o.eligibleUnionId ?? null,
        title: o.title, category: o.category, description: o.description, rules: o.rules, images: [],
        city: o.city, county: o.county, stores: o.stores,
        startAt: new Date(start + o.startDay * DAY).toISOString(), endAt: new Date(start + o.endDay * DAY).toISOString(),
        total: o.total, stock: o.total, limit: o.limit, couponValidDays: o.validDays, status: 'active', createdAt, updatedAt: createdAt,
      }),
    )
  }
}
