import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '../aid.scss'

/** 上一步 and 下一步 (or 提交) side by side, each half the width and 44 px high, both on screen. */
export function StepButtons({ step, last, busy, submitText, onGo, onSubmit }: { step: number; last: boolean; busy: boolean; submitText: string; onGo: (step: number) => void; onSubmit: () => void }) {
  return (
    <View className='aid-actions' data-testid='step-buttons'>
      {step > 0 ? (
        <Button id='step-back' className='aid-actions__button' onClick={() => onGo(step - 1)}>
          上一步
        </Button>
      ) : null}
      {last ? (
        <Button id='submit-application' className='aid-actions__button' type='primary' loading={busy} disabled={busy} onClick={onSubmit}>
          {submitText}
        </Button>
      ) : (
        <Button id='step-next' className='aid-actions__button' type='primary' onClick={() => onGo(step + 1)}>
          下一步
        </Button>
      )}
    </View>
  )
}
