import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PRIVACY_VERSION } from '@/domain/contract'
import { needsDemoLogin } from '@/platform/login'
import { agreeButtonProps, resolvePrivacyRequest } from '@/platform/privacy'
import { call } from '@/services/cloud'
import { hasAgreedCurrent, usePrivacy } from '@/stores/privacy'
import { useSession } from '@/stores/session'
import './PrivacyNotice.scss'

/** Sends the agreement to the cloud's record; if the network fails it is tried again next time. */
async function recordAgreement() {
  try {
    const { version } = await call('member', 'agreePrivacy', { version: PRIVACY_VERSION })
    usePrivacy.getState().markRecorded(version)
  } catch {
    // Kept on the device; the next page that shows the notice will record it.
  }
}

/** The privacy notice, shown on first use and whenever WeChat asks, before any protected API. */
export function PrivacyNotice() {
  const agreed = usePrivacy(hasAgreedCurrent)
  const recorded = usePrivacy((s) => s.recordedVersion === s.agreedVersion)
  // On a public page of the web build nobody may be signed in yet: record once someone is.
  const canRecord = useSession((s) => !needsDemoLogin || Boolean(s.token))

  useEffect(() => {
    if (agreed && !recorded && canRecord) void recordAgreement()
  }, [agreed, recorded, canRecord])

  if (agreed) return null

  const agree = () => {
    usePrivacy.getState().agree()
    resolvePrivacyRequest(true)
  }
  const decline = () => {
    resolvePrivacyRequest(false)
    Taro.showToast({ title: '同意隐私保护指引后才能使用工会服务', icon: 'none', duration: 2500 })
  }

  return (
    <View className='privacy-notice' data-testid='privacy-notice'>
      <View className='privacy-notice__card'>
        <Text className='privacy-notice__title'>隐私保护指引</Text>
        <Text className='privacy-notice__body'>
          为了给你提供入会、普惠福利、驿站查找和金秋助学服务，我们会在你使用相应功能时收集必要的信息：
          入会时的姓名、身份证号、手机号等（身份证号加密保存，页面只显示部分号码）；查找驿站时的位置（仅用于计算距离，不保存）；
          申请助学时的家庭困难情况和材料（属于敏感个人信息，会另行征得你的同意）。这些信息只用于工会业务，不会提供给你的用人单位。
        </Text>
        <View className='privacy-notice__actions'>
          <Button id='privacy-decline' className='privacy-notice__decline' onClick={decline}>
            不同意
          </Button>
          <Button id='agree-privacy-btn' type='primary' {...agreeButtonProps} onClick={agree}>
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
