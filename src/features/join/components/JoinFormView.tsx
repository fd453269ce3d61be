import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input, Picker } from '@nutui/nutui-react-taro'
import { checkJoinForm, deriveFromId, type JoinFormField } from '@domain/join/form'
import { EDUCATIONS, EMPLOYMENT_KEYS, EMPLOYMENT_TYPES, ETHNICITIES, HUKOU_TYPES, POLITICAL_STATUSES } from '@domain/join/options'
import { Choices } from '@/components/Choices'
import { openPrivacyGuide } from '@/platform/privacy'
import { revealFirstError } from '@/platform/revealError'
import type { DraftField, DraftValues } from '../store'

const asOptions = (list: readonly string[]) => list.map((value) => ({ value, label: value }))
const EMPLOYMENT_OPTIONS = EMPLOYMENT_KEYS.map((value) => ({ value, label: EMPLOYMENT_TYPES[value] }))
const ETHNICITY_OPTIONS = [ETHNICITIES.map((value) => ({ value, label: value }))]

interface Props {
  values: DraftValues
  idNumber: string
  today: string
  /** Problems the cloud found that the form could not (shown beside their field). */
  serverErrors: Partial<Record<JoinFormField, string>>
  submitting: boolean
  onValue(field: DraftField, value: string | boolean): void
  onIdNumber(value: string): void
  onSubmit(): void
}

function FieldError({ field, message }: { field: string; message: string | undefined }) {
  return message ? (
    <Text className='join-form__error' data-testid={`error-${field}`}>
      {message}
    </Text>
  ) : null
}

/**
 * The 入会 form. Validation runs as the person types (a field shows its problem once touched, and
 * every field on a submit attempt); a form with any problem sends nothing.
 */
export function JoinFormView({ values, idNumber, today, serverErrors, submitting, onValue, onIdNumber, onSubmit }: Props) {
  const [touched, setTouched] = useState<Partial<Record<JoinFormField, boolean>>>({})
  const [showAll, setShowAll] = useState(false)
  const [pickEthnicity, setPickEthnicity] = useState(false)
  const errors = checkJoinForm({ ...values, idNumber }, today)
  const shown = (field: JoinFormField) => (showAll || touched[field] ? (errors[field] ?? serverErrors[field]) : serverErrors[field])
  const touch = (field: JoinFormField) => setTouched((t) => (t[field] ? t : { ...t, [field]: true }))
  const set = (field: DraftField, value: string | boolean) => {
    touch(field)
    onValue(field, value)
  }
  const derived = errors.idNumber ? null : deriveFromId(idNumber, today)
  const text = (field: DraftField) => (typeof values[field] === 'string' ? (values[field] as string) : '')

  const submit = () => {
    setShowAll(true)
    if (Object.keys(errors).length === 0) onSubmit()
    else revealFirstError('.join-form__error')
  }

  return (
    <View className='join-form' data-testid='join-form'>
      <View className='join-form__field' id='field-name'>
        <Text className='join-form__label'>姓名</Text>
        <Input name='name' placeholder='与身份证一致' value={text('name')} maxLength={40} onChange={(v) => set('name', v)} />
        <FieldError field='name' message={shown('name')} />
      </View>

      <View className='join-form__field' id='field-idNumber'>
        <Text className='join-form__label'>身份证号</Text>
        <Input
          name='idNumber'
          type='idcard'
          placeholder='18 位，仅用于核验身份，加密保存'
          value={idNumber}
          maxLength={18}
          onChange={(v) => {
            touch('idNumber')
            onIdNumber(v)
          }}
        />
        <FieldError field='idNumber' message={shown('idNumber')} />
        {derived ? (
          <Text className='join-form__derived' data-testid='derived'>
            {derived.gender === 'male' ? '男' : '女'} · 出生日期 {derived.birthDate}（由身份证号得出）
          </Text>
        ) : null}
      </View>

      <View className='join-form__field' id='field-phone'>
        <Text className='join-form__label'>手机号</Text>
        <Input name='phone' type='number' placeholder='11 位手机号' value={text('phone')} maxLength={11} onChange={(v) => set('phone', v)} />
        <FieldError field='phone' message={shown('phone')} />
      </View>

      <View className='join-form__field'>
        <Text className='join-form__label'>民族</Text>
        <Text id='pick-ethnicity' className={`join-form__picker${values.ethnicity ? '' : ' join-form__picker--empty'}`} onClick={() => setPickEthnicity(true)}>
          {text('ethnicity') || '请选择民族'}
        </Text>
        <Picker
          title='民族'
          visible={pickEthnicity}
          options={ETHNICITY_OPTIONS}
          value={[text('ethnicity') || ETHNICITIES[0]]}
          onConfirm={(_options, selected) => {
            if (selected[0]) set('ethnicity', String(selected[0]))
            setPickEthnicity(false)
          }}
          onClose={() => setPickEthnicity(false)}
        />
        <FieldError field='ethnicity' message={shown('ethnicity')} />
      </View>

      <View className='join-form__field'>
        <Text className='join-form__label'>学历</Text>
        <Choices id='choose-education' options={asOptions(EDUCATIONS)} value={text('education')} onChange={(v) => set('education', v)} />
        <FieldError field='education' message={shown('education')} />
      </View>

      <View className='join-form__field'>
        <Text className='join-form__label'>政治面貌</Text>
        <Choices id='choose-politicalStatus' options={asOptions(POLITICAL_STATUSES)} value={text('politicalStatus')} onChange={(v) => set('politicalStatus', v)} />
        <FieldError field='politicalStatus' message={shown('politicalStatus')} />
      </View>

      <View className='join-form__field'>
        <Text className='join-form__label'>户籍类型</Text>
        <Choices id='choose-hukou' options={asOptions(HUKOU_TYPES)} value={text('hukou')} onChange={(v) => set('hukou', v)} />
        <FieldError field='hukou' message={shown('hukou')} />
      </View>

      <View className='join-form__field' id='field-employer'>
        <Text className='join-form__label'>工作单位</Text>
        <Input name='employer' placeholder='单位全称；灵活就业可填平台名称' value={text('employer')} maxLength={80} onChange={(v) => set('employer', v)} />
        <FieldError field='employer' message={shown('employer')} />
      </View>

      <View className='join-form__field'>
        <Text className='join-form__label'>就业形态</Text>
        <Choices id='choose-employment' options={EMPLOYMENT_OPTIONS} value={text('employment')} onChange={(v) => set('employment', v)} />
        <FieldError field='employment' message={shown('employment')} />
      </View>

      <View className='join-form__field'>
        <View id='consent-personal' className='join-form__consent' onClick={() => set('consentPersonal', values.consentPersonal !== true)}>
          <Text className={`join-form__box${values.consentPersonal === true ? ' join-form__box--on' : ''}`}>{values.consentPersonal === true ? '✓' : ''}</Text>
          <Text>我已阅读并同意《个人信息处理规则》：工会为办理入会收集上述信息，仅用于会籍管理。</Text>
        </View>
        <FieldError field='consentPersonal' message={shown('consentPersonal')} />
        {/* Its own line, outside the row: a tap on the row ticks the box, never opens the guide by surprise. */}
        <Text id='open-processing-rules' className='join-form__link' onClick={openPrivacyGuide}>
          阅读《个人信息处理规则》全文
        </Text>
        <View id='consent-sensitive' className='join-form__consent' onClick={() => set('consentSensitive', values.consentSensitive !== true)}>
          <Text className={`join-form__box${values.consentSensitive === true ? ' join-form__box--on' : ''}`}>{values.consentSensitive === true ? '✓' : ''}</Text>
          <Text>我单独同意工会处理我的身份证号（敏感个人信息），用于核验身份、防止重复入会；加密保存，只显示脱敏号码。</Text>
        </View>
        <FieldError field='consentSensitive' message={shown('consentSensitive')} />
      </View>

      <Button id='join-submit' type='primary' block loading={submitting} disabled={submitting} onClick={submit}>
        提交入会申请
      </Button>
    </View>
  )
}
