import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './FullScreenMessage.scss'

interface Props {
  title: string
  detail?: string
  actionText?: string
  onAction?: () => void
  testId: string
}

/** A whole-page message: login needed, loading failed, nothing here yet. */
export function FullScreenMessage({ title, detail, actionText, onAction, testId }: Props) {
  return (
    <View className='full-screen-message' data-testid={testId}>
      <Text className='full-screen-message__title'>{title}</Text>
      {detail ? <Text className='full-screen-message__detail'>{detail}</Text> : null}
      {actionText && onAction ? (
        <Button id={`${testId}-action`} type='primary' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  )
}
