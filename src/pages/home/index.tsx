import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { decorative } from '@/platform/a11y'
import { pressable } from '@/platform/pressable'
import { needsDemoLogin } from '@/platform/login'
import { useSession } from '@/stores/session'
import { Mine } from './Mine'
import { PUBLIC_LINKS, SERVICES, type ServiceEntry } from './services'
import './index.scss'

function open(service: ServiceEntry) {
  if (service.path) Taro.navigateTo({ url: service.path })
}

/**
 * 首页: the four services for everyone. Signed in, what is the person's own comes first (Mine: the
 * member card, what waits for them, a clerk's queues). Signed out on the web, it is no dead end: the
 * public pages (驿站地图, 助学公示) open without signing in, and a card says how to try the rest as a
 * demo person. Tiles and links open with a tap, or Enter / Space from the keyboard (pressable).
 */
export default function Home() {
  const signedOut = useSession((s) => needsDemoLogin && !s.token)
  return (
    <PageShell public>
      <View className='home'>
        <View className='home__banner'>
          <Text className='home__banner-title'>工会会员服务</Text>
          <Text className='home__banner-sub'>入会、福利、驿站、助学，一站办理</Text>
        </View>
        {signedOut ? (
          <View className='home__card' data-testid='home-signed-out'>
            <Text className='home__card-title'>网页版用演示身份体验</Text>
            <Text className='home__card-text'>入会、福利、助学申请需先选择一个演示身份（人物均为虚构）；驿站地图和助学公示无需登录即可查看。</Text>
            <Button id='home-sign-in' className='home__action' type='primary' block onClick={() => void Taro.navigateTo({ url: '/pages/login/index' })}>
              选择演示身份
            </Button>
          </View>
        ) : (
          <Mine />
        )}
        <View className='home__grid' data-testid='service-grid'>
          {SERVICES.map((service) => (
            <View key={service.key} id={`service-${service.key}`} className={`home__tile${service.path ? '' : ' home__tile--soon'}`} {...pressable('button', `${service.title}：${service.description}`, () => open(service))}>
              <Text className={`home__badge home__badge--${service.key}`} data-badge={service.badge} {...decorative} />
              <Text className='home__tile-title'>{service.title}</Text>
              <Text className='home__tile-desc'>{service.description}</Text>
              {service.path ? null : <Text className='home__soon'>即将开放</Text>}
            </View>
          ))}
        </View>
        <View className='home__links' data-testid='public-links'>
          {PUBLIC_LINKS.map((link) => (
            <View key={link.key} id={`public-${link.key}`} className='home__link' {...pressable('link', `${link.title}：${link.description}`, () => void Taro.navigateTo({ url: link.path }))}>
              <Text className='home__link-title'>{link.title}</Text>
              <Text className='home__link-desc'>{link.description}</Text>
            </View>
          ))}
        </View>
      </View>
    </PageShell>
  )
}
