import { View, Text, ScrollView } from '@tarojs/components'
import { choiceGroup, choosable } from '@/platform/a11y'

/** A scrollable row of filter chips, "全部" first (undefined), the chosen one highlighted. */
export function ChipRow<T extends string>({ idPrefix, allText, values, current, onPick }: { idPrefix: string; allText: string; values: readonly T[]; current: T | undefined; onPick: (value: T | undefined) => void }) {
  return (
    <ScrollView scrollX>
      <View className='bf__chips' {...choiceGroup}>
        {[undefined, ...values].map((value) => (
          <Text key={value ?? 'all'} id={`${idPrefix}-${value ?? 'all'}`} className={`bf__chip${current === value ? ' bf__chip--on' : ''}`} {...choosable('radio', current === value, () => onPick(value))}>
            {value ?? allText}
          </Text>
        ))}
      </View>
    </ScrollView>
  )
}
