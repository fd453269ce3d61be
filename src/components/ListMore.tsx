import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './ListMore.scss'

interface Props {
  /** The button's id (browser tests tap it by id). */
  id: string
  /** Whether another page follows. */
  more: boolean
  loading: boolean
  onMore: () => void
  /** Said under the last page (已显示全部 N 份); nothing when the list is empty. */
  endText: string | null
  endTestId: string
}

/** The foot of a paged list: 加载更多 while pages follow, then how many were shown in all. */
export function ListMore({ id, more, loading, onMore, endText, endTestId }: Props) {
  if (more) {
    return (
      <View className='list-more'>
        <Button id={id} block loading={loading} disabled={loading} onClick={onMore}>
          {loading ? '加载中…' : '加载更多'}
        </Button>
      </View>
    )
  }
  return endText ? (
    <Text className='list-more__end' data-testid={endTestId}>
      {endText}
    </Text>
  ) : null
}
