import { View, Text } from '@tarojs/components'
import { choiceGroup, choosable } from '@/platform/a11y'
import '../aid.scss'

/**
 * A row of tappable options (large targets for an old phone); each has a stable id for tests. One
 * option alone is a yes/no toggle (a checkbox to a screen reader); several are a radio group. Looks and
 * reads like src/components/Choices (same chip styles from src/components/_ui.scss).
 */
export function Choices<T extends string>({ name, options, value, onChange }: { name: string; options: Array<[T, string]>; value: T | null; onChange: (value: T) => void }) {
  return (
    <View className='aid-choices' {...(options.length > 1 ? choiceGroup : {})}>
      {options.map(([key, label]) => (
        <View key={key} id={`${name}-${key}`} className={`aid-choice${value === key ? ' aid-choice--on' : ''}`} {...choosable(options.length > 1 ? 'radio' : 'checkbox', value === key, () => onChange(key))}>
          <Text>{label}</Text>
        </View>
      ))}
    </View>
  )
}
