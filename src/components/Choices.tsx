import { View, Text } from '@tarojs/components'
import { choiceGroup, choosable } from '@/platform/a11y'
import './Choices.scss'

interface Props {
  id: string
  options: ReadonlyArray<{ value: string; label: string }>
  value: string | undefined
  onChange(value: string): void
}

/** A short list shown whole: one tap chooses (学历, 政治面貌, 户籍类型, 就业形态, 转会原因). */
export function Choices({ id, options, value, onChange }: Props) {
  return (
    // One of a few, read as such by a screen reader (a radio group), and reachable by keyboard on the web.
    <View className='choices' id={id} {...choiceGroup}>
      {options.map((option, index) => (
        <Text
          key={option.value}
          id={`${id}-${index}`}
          className={`choices__item${option.value === value ? ' choices__item--on' : ''}`}
          {...choosable('radio', option.value === value, () => onChange(option.value))}
        >
          {option.label}
        </Text>
      ))}
    </View>
  )
}
