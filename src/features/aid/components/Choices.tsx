import { View, Text } from '@tarojs/components'
import './aid.scss'

/** A row of tappable options (large targets for an old phone); each has a stable id for tests. */
export function Choices<T extends string>({ name, options, value, onChange }: { name: string; options: Array<[T, string]>; value: T | null; onChange: (value: T) => void }) {
  return (
    <View className='aid-choices'>
      {options.map(([key, label]) => (
        <View key={key} id={`${name}-${key}`} className={`aid-choice${value === key ? ' aid-choice--on' : ''}`} onClick={() => onChange(key)}>
          <Text>{label}</Text>
        </View>
      ))}
    </View>
  )
}
