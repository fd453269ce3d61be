import { View, Text, ScrollView } from '@tarojs/components'

/** A scrollable row of filter chips, "全部" first (undefined), the chosen one highlighted. */
export function ChipRow<T extends string>({ idPrefix, allText, values, current, onPick }: { idPrefix: string; allText: string; values: readonly T[]; current: T | undefined; onPick: (value: T | undefined) => void }) {
  return (
    <ScrollView scrollX>
      <View className='bf__chips'>
        {[undefined, ...values].map((value) => (
          <Text key={value ?? 'all'} id={`${idPrefix}-${value ?? 'all'}`} className={`bf__chip${current === value ? ' bf__chip--on' : ''}`} onClick={() => onPick(value)}>
            {value ?? allText}
          </Text>
        ))}
      </View>
    </ScrollView>
  )
}
