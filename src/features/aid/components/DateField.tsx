import { Picker, View, Text } from '@tarojs/components'
import { clickableByKeys } from '@/platform/a11y'

/**
 * A day chosen from Taro's date picker (both builds), shown as YYYY-MM-DD: nothing to type, so no
 * format to get wrong. The cloud still checks the window it makes (aid.saveProgramme).
 */
export function DateField({ testId, label, value, onChange }: { testId: string; label: string; value: string; onChange: (day: string) => void }) {
  return (
    <Picker mode='date' value={value} start='2020-01-01' end='2099-12-31' onChange={(e) => onChange(String(e.detail.value))}>
      <View data-testid={testId} className='aid-field aid-date' role='button' aria-label={`${label}：${value || '未选择'}，点按选择日期`} {...clickableByKeys()}>
        <Text className='aid-date__value'>{value || '请选择日期'}</Text>
      </View>
    </Picker>
  )
}
