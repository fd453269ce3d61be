import { View, Text } from '@tarojs/components'
import type { AidApplicationView } from '@domain/contract'
import { EXCLUSIONS, EXCLUSION_NAMES, HARDSHIP_NAMES, HARDSHIP_STATUS_NAMES, hardshipStatus, SCHOOL_LEVEL_NAMES } from '@domain/aid/programme'
import { formatFen } from '@domain/money'
import '../aid.scss'

/** 已提交 → 基层审核 → 上级审批 → 公示中 → 已发放, or where it stopped and why. */
export function Timeline({ steps }: { steps: AidApplicationView['timeline'] }) {
  return (
    <View className='aid-timeline'>
      {steps.map((step) => (
        <View key={step.key} className={`aid-timeline__step aid-timeline__step--${step.state}`} data-testid={`step-${step.key}`} data-state={step.state}>
          <View className='aid-timeline__dot' />
          <View className='aid-timeline__body'>
            <Text className='aid-timeline__title'>{step.title}</Text>
            {step.detail ? <Text className='aid-timeline__detail'>{step.detail}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}

/** The facts of an application, read-only (a submitted application is not edited here). */
export function ApplicationFacts({ a }: { a: AidApplicationView }) {
  const rows: Array<[string, string]> = [
    ['子女', `${a.child.name}（${a.child.age} 岁）`],
    ['身份证号', a.child.idMasked],
    ['录取学校', `${a.child.school} ${a.child.major}`.trim()],
    ['学段', SCHOOL_LEVEL_NAMES[a.child.level]],
    ['家庭人口', `${a.household.size} 人`],
    ['家庭年收入', formatFen(a.household.annualIncomeFen)],
    ['人均月收入', formatFen(a.household.perCapitaMonthlyFen)],
    ['困难类别', `${HARDSHIP_NAMES[a.household.category]}（${HARDSHIP_STATUS_NAMES[hardshipStatus(a.household.category)]}）`],
    ['材料', `${a.documents.length} 份`],
    ['收款账户', `${a.payout.bank} ${a.payout.cardMasked}`],
  ]
  if (a.household.migrantWorker !== null) rows.push(['农民工家庭', a.household.migrantWorker ? '是' : '否'])
  // The exclusions as the parent answered them (level one checks them against the documents).
  if (a.declarations) for (const e of EXCLUSIONS) rows.push([EXCLUSION_NAMES[e], a.declarations[e] ? '是' : '否'])
  if (a.renewalOf) rows.push(['续申', '是（上一年度已获资助）'])
  if (a.amountFen !== null) rows.push(['核定金额', formatFen(a.amountFen)])
  return (
    <View className='aid-facts'>
      {rows.map(([label, value]) => (
        <View key={label} className='aid-facts__row'>
          <Text className='aid-facts__label'>{label}</Text>
          <Text className='aid-facts__value'>{value}</Text>
        </View>
      ))}
    </View>
  )
}
