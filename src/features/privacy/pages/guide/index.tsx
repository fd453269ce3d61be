import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { GUIDE_TITLE, privacyGuide } from '@domain/privacy/guide'
import '../../privacy.scss'

/**
 * 《隐私保护指引》, the whole text. Open to anyone, and read with the notice away: the notice links here
 * (on the web; WeChat opens the console's guide with openPrivacyContract and comes here only if that fails).
 */
export default function PrivacyGuide() {
  // The web build is the demo home: its contact is the union and 我的 → 个人信息. In WeChat the
  // console's guide (with the union's own contact) is the one the notice opens.
  const sections = privacyGuide()
  return (
    <PageShell public privacyNotice={false}>
      <View className='pv' data-testid='privacy-guide'>
        <Text className='pv__title'>{GUIDE_TITLE}</Text>
        {sections.map((section) => (
          <View key={section.title} className='pv__card'>
            <Text className='pv__heading'>{section.title}</Text>
            {section.paragraphs.map((p) => (
              <Text key={p} className='pv__text'>
                {p}
              </Text>
            ))}
            {section.rows?.map((row) => (
              <View key={row.what} className='pv__row'>
                <Text className='pv__text'>{row.what}</Text>
                <Text className='pv__muted'>用途：{row.why}</Text>
                <Text className='pv__muted'>保存：{row.kept}</Text>
              </View>
            ))}
          </View>
        ))}
      </View>
    </PageShell>
  )
}
