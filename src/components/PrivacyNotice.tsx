import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PRIVACY_VERSION } from '@domain/privacy/version'
import { DEFAULT_GUIDE_NAME } from '@domain/privacy/names'
import { agreeButtonProps, openPrivacyGuide, resolvePrivacyRequest } from '@/platform/privacy'
import { request } from '@/services/request'
import { useMayCall } from '@/services/useMayCall'
import { noticeVisible, settlePrivacy, usePrivacy, type PrivacyPurpose } from '@/stores/privacy'
import './PrivacyNotice.scss'

/** Sends the agreement to the cloud's record; if the network fails it is tried again next time. */
async function recordAgreement() {
  try {
    const { version } = await request('member', 'agreePrivacy', { version: PRIVACY_VERSION })
    usePrivacy.getState().markRecorded(version)
  } catch {
    // Kept on the device; the next page that shows the notice will record it.
  }
}

/** What the person was doing when the notice came up, in their words. */
const ASKED_FOR: Record<PrivacyPurpose | 'platform', string> = {
  location: '按你的位置查找附近驿站和商户',
  files: '选择并上传证明材料',
  clipboard: '复制导出的内容',
  personal: '提交你填写的个人信息',
  platform: '使用这项功能',
}

const DECLINED: Record<PrivacyPurpose | 'platform', string> = {
  location: '未同意，不会读取你的位置；可选择城市或搜索地名',
  files: '未同意，不能上传材料',
  clipboard: '未同意，不能复制',
  personal: '未同意，未提交',
  platform: '未同意，这项功能暂不能使用',
}

/**
 * The privacy notice. It comes up on first use over any page, and again only when the person taps
 * a protected action (location, files, clipboard, submitting personal data) without having agreed.
 * Declining closes it: the public pages stay usable, and nothing protected happens. The full guide
 * opens from its name (WeChat's own page in WeChat, ours on the web).
 */
export function PrivacyNotice() {
  const visible = usePrivacy(noticeVisible)
  const asking = usePrivacy((s) => s.asking)
  const guideName = usePrivacy((s) => s.contractName) ?? DEFAULT_GUIDE_NAME
  const agreed = usePrivacy((s) => s.agreedVersion === PRIVACY_VERSION)
  const recorded = usePrivacy((s) => s.recordedVersion === s.agreedVersion)
  // On a public page of the web build nobody may be signed in yet: record once someone is.
  const canRecord = useMayCall('member', 'agreePrivacy')

  useEffect(() => {
    if (agreed && !recorded && canRecord) void recordAgreement()
  }, [agreed, recorded, canRecord])

  if (!visible) return null

  const agree = () => {
    usePrivacy.getState().agree()
    resolvePrivacyRequest(true)
    settlePrivacy(true)
  }
  const decline = () => {
    const purpose = usePrivacy.getState().asking
    usePrivacy.getState().decline()
    resolvePrivacyRequest(false)
    settlePrivacy(false)
    const title = purpose ? DECLINED[purpose] : '你可以继续查看驿站地图、助学公示等公开内容；用到相关功能时会再次询问'
    Taro.showToast({ title, icon: 'none', duration: 3000 })
  }

  return (
    <View className='privacy-notice' data-testid='privacy-notice' data-asking={asking ?? 'first-use'}>
      <View className='privacy-notice__card'>
        <Text className='privacy-notice__title'>隐私保护指引</Text>
        {asking ? (
          <Text className='privacy-notice__asked' data-testid='privacy-asked-for'>
            {`为了${ASKED_FOR[asking]}，需要你先阅读并同意隐私保护指引。`}
          </Text>
        ) : null}
        <Text className='privacy-notice__body'>
          我们只在你使用相应功能时收集必要的信息：入会时的姓名、身份证号、手机号等（身份证号加密保存，页面只显示部分号码）；查找驿站时的位置（经你同意后读取，只用于计算距离，不保存）；
          申请助学时的家庭困难情况和材料（属于敏感个人信息，会另行征得你的同意）。这些信息只用于工会业务，不会提供给你的用人单位。不同意也可以查看驿站地图和助学公示。
        </Text>
        <Text className='privacy-notice__link' id='privacy-open-guide' data-testid='privacy-guide-link' onClick={openPrivacyGuide}>
          {`阅读完整的${guideName}`}
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
