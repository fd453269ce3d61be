import { View, Text } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import type { StepErrors } from '@domain/aid/steps'
import { useAidDraft } from '../store'
import { Choices } from './Choices'
import { FieldError } from './FieldError'
import '../aid.scss'

interface Props {
  asksGuardian: boolean
  /** A renewal or correction: the card number may be left empty (last time's card is paid to). */
  keepsCard: boolean
  cardNumber: string
  onCardNumber: (value: string) => void
  errors: StepErrors
}

/** Step 5: consents and where the money goes. The card number is the page's (never in the draft). */
export function PayoutStep({ asksGuardian, keepsCard, cardNumber, onCardNumber, errors }: Props) {
  const draft = useAidDraft()
  const { consents } = draft
  return (
    <>
      <Choices name='consent-sensitive' options={[['yes', '我同意工会为审核助学申请处理家庭困难情况、子女身份和银行账户等敏感个人信息']]} value={consents.sensitive ? 'yes' : null} onChange={() => draft.patch({ consents: { ...consents, sensitive: !consents.sensitive } })} />
      <FieldError field='sensitive' errors={errors} />
      {asksGuardian ? (
        <Choices name='consent-guardian' options={[['yes', '我是子女的监护人，同意处理其个人信息（未满 14 周岁）']]} value={consents.guardian ? 'yes' : null} onChange={() => draft.patch({ consents: { ...consents, guardian: !consents.guardian } })} />
      ) : null}
      <FieldError field='guardian' errors={errors} />
      <Text className='aid-label'>开户银行</Text>
      <View data-testid='payout-bank' className='aid-field'>
        <Input value={draft.bank} placeholder='如：中国工商银行呼和浩特新城支行' onChange={(bank) => draft.patch({ bank })} />
      </View>
      <FieldError field='bank' errors={errors} />
      <Text className='aid-label'>银行卡号</Text>
      <View data-testid='payout-card' className='aid-field'>
        <Input value={cardNumber} type='digit' maxLength={23} placeholder={keepsCard ? '不变可不填（沿用上次的银行卡）' : '收款人本人的银行卡号'} onChange={onCardNumber} />
      </View>
      <FieldError field='cardNumber' errors={errors} />
    </>
  )
}
