import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Choices } from '@/components/Choices'
import { EDUCATIONS, EMPLOYMENT_KEYS, EMPLOYMENT_TYPES, ETHNICITIES, HUKOU_TYPES, POLITICAL_STATUSES } from '@domain/join/options'
import { CORRECTABLE_FIELD_KEYS, CORRECTABLE_FIELDS, ID_NUMBER_CORRECTION, type CorrectableField } from '@domain/rights'

const list = (values: readonly string[]) => values.map((value) => ({ value, label: value }))

/** The fields with a fixed list of answers are chosen, the others typed. */
const OPTIONS: Partial<Record<CorrectableField, ReadonlyArray<{ value: string; label: string }>>> = {
  ethnicity: list(ETHNICITIES),
  education: list(EDUCATIONS),
  politicalStatus: list(POLITICAL_STATUSES),
  hukou: list(HUKOU_TYPES),
  employment: EMPLOYMENT_KEYS.map((value) => ({ value, label: EMPLOYMENT_TYPES[value] })),
}

const FIELD_OPTIONS = CORRECTABLE_FIELD_KEYS.map((value) => ({ value, label: CORRECTABLE_FIELDS[value].label }))

interface Props {
  busy: boolean
  onSend(field: CorrectableField, value: string, note: string): void
}

/** 更正: pick what is wrong, give the right value; says at once whether it changes now or the union checks it. */
export function Correction({ busy, onSend }: Props) {
  const [field, setField] = useState<CorrectableField>('phone')
  const [value, setValue] = useState('')
  const [note, setNote] = useState('')
  const options = OPTIONS[field]
  return (
    <View className='pv__card' data-testid='correction'>
      <Text className='pv__heading'>更正入会信息</Text>
      <Choices id='correct-field' options={FIELD_OPTIONS} value={field} onChange={(f) => { setField(f as CorrectableField); setValue('') }} />
      <Text className='pv__muted' data-testid='correction-how'>
        {CORRECTABLE_FIELDS[field].self ? `立即生效：${CORRECTABLE_FIELDS[field].why}` : `由工会确认：${CORRECTABLE_FIELDS[field].why}`}
      </Text>
      {options ? (
        <Choices id='correct-value' options={options} value={value} onChange={setValue} />
      ) : (
        <View className='pv__input' id='correct-value-input'>
          <Input name='value' placeholder={`更正后的${CORRECTABLE_FIELDS[field].label}`} value={value} maxLength={60} onChange={setValue} />
        </View>
      )}
      {CORRECTABLE_FIELDS[field].self ? null : (
        <View className='pv__input' id='correct-note-input'>
          <Input name='note' placeholder='说明（选填），例如：单位更名' value={note} maxLength={200} onChange={setNote} />
        </View>
      )}
      <Button id='correct-send' type='primary' size='small' loading={busy} disabled={busy || !value.trim()} onClick={() => onSend(field, value.trim(), note.trim())}>
        {CORRECTABLE_FIELDS[field].self ? '更正' : '提交更正请求'}
      </Button>
      <Text className='pv__muted'>{ID_NUMBER_CORRECTION}</Text>
    </View>
  )
}
