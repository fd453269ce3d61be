import { Text } from '@tarojs/components'
import type { Profile } from '@domain/contract'
import '../aid.scss'

/** Step 1: who applies, from the membership (nothing to type). */
export function ApplicantStep({ profile }: { profile: Profile }) {
  return (
    <>
      <Text className='aid-card__title'>申请人</Text>
      <Text className='aid-card__text'>{profile.displayName}</Text>
      <Text className='aid-card__text'>
        {profile.membership?.union.name}，会员编号 {profile.membership?.memberNo}
      </Text>
      <Text className='aid-hint'>申请人信息来自你的会籍，无需重复填写。为保护隐私，身份证号和银行卡号不会保存在手机上，中途退出后需要重新填写这两项。</Text>
    </>
  )
}
