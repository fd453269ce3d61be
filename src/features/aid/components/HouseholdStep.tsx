import { View, Text, Textarea } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import type { StepErrors } from '@domain/aid/steps'
import { EXCLUSIONS, EXCLUSION_NAMES, HARDSHIP_CATEGORIES, HARDSHIP_NAMES, type HardshipCategory } from '@domain/aid/programme'
import { useAidDraft } from '../store'
import { Choices } from './Choices'
import { FieldError } from './FieldError'
import '../aid.scss'

type YesNo = 'yes' | 'no'
const YES_NO: Array<[YesNo, string]> = [
  ['yes', '是'],
  ['no', '否'],
]
const yesNo = (value: boolean | null): YesNo | null => (value === null ? null : value ? 'yes' : 'no')

/** Step 3: the household, with the programme's hardship categories, 农民工 and the exclusions asked yes/no. */
export function HouseholdStep({ categories, errors }: { categories: HardshipCategory[]; errors: StepErrors }) {
  const draft = useAidDraft()
  const set = (change: Partial<typeof draft.household>) => draft.patch({ household: { ...draft.household, ...change } })
  return (
    <>
      <Text className='aid-label'>家庭人口数</Text>
      <View data-testid='household-size' className='aid-field'>
        <Input value={draft.household.size} type='digit' placeholder='如：3（含本人）' onChange={(size) => set({ size })} />
      </View>
      <FieldError field='size' errors={errors} />
      <Text className='aid-label'>家庭年收入（元）</Text>
      <View data-testid='household-income' className='aid-field'>
        <Input value={draft.household.annualIncomeYuan} type='digit' placeholder='如：36000（全家一年的总收入）' onChange={(annualIncomeYuan) => set({ annualIncomeYuan })} />
      </View>
      <FieldError field='income' errors={errors} />
      <Text className='aid-label'>困难类别</Text>
      <Choices name='category' options={HARDSHIP_CATEGORIES.filter((c) => categories.includes(c)).map((c) => [c, HARDSHIP_NAMES[c]])} value={draft.household.category} onChange={(category) => set({ category })} />
      <FieldError field='category' errors={errors} />
      <Text className='aid-label'>困难情况说明</Text>
      <View data-testid='household-description' className='aid-field'>
        <Textarea className='aid-textarea' placeholder='困难情况说明' value={draft.household.description} maxlength={500} onInput={(e) => set({ description: e.detail.value })} />
      </View>
      <FieldError field='description' errors={errors} />
      <Text className='aid-label'>是否农民工家庭</Text>
      <Choices name='migrant' options={YES_NO} value={yesNo(draft.household.migrantWorker)} onChange={(v) => set({ migrantWorker: v === 'yes' })} />
      <FieldError field='migrantWorker' errors={errors} />
      <Text className='aid-label'>以下情况请逐项回答</Text>
      {EXCLUSIONS.map((e) => (
        <View key={e}>
          <Text className='aid-hint'>子女是否{EXCLUSION_NAMES[e]}</Text>
          <Choices name={`declare-${e}`} options={YES_NO} value={yesNo(draft.declarations[e])} onChange={(v) => draft.patch({ declarations: { ...draft.declarations, [e]: v === 'yes' } })} />
        </View>
      ))}
      <FieldError field='declarations' errors={errors} />
    </>
  )
}
