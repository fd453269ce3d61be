import { View, Text } from '@tarojs/components'
import { UNION_LEVEL_NAMES, type JoinUnion } from '@domain/contract'

/** Which union you are joining, shown before any form: name, level, the union above it. */
export function UnionCard({ union, onChange }: { union: JoinUnion; onChange?: () => void }) {
  return (
    <View className='join-union' data-testid='join-union'>
      <Text className='join-union__label'>你将加入</Text>
      <Text className='join-union__name'>{union.name}</Text>
      <Text className='join-union__meta'>
        {UNION_LEVEL_NAMES[union.level]}
        {union.parentName ? ` · 上级：${union.parentName}` : ''}
      </Text>
      <Text className='join-union__path'>{union.path.join(' › ')}</Text>
      {onChange ? (
        <Text id='change-union' className='join-union__change' onClick={onChange}>
          不是这个工会？换一个
        </Text>
      ) : null}
    </View>
  )
}
