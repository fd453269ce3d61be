import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { SERVICES, type ServiceEntry } from './services'
import './index.scss'

function open(service: ServiceEntry) {
  if (service.path) Taro.navigateTo({ url: service.path })
}

export default function Home() {
  return (
    <PageShell>
      <View className='home'>
        <View className='home__banner'>
          <Text className='home__banner-title'>工会会员服务</Text>
          <Text className='home__banner-sub'>入会、福利、驿站、助学，一站办理</Text>
        </View>
        <View className='home__grid' data-testid='service-grid'>
          {SERVICES.map((service) => (
            <View key={service.key} id={`service-${service.key}`} className={`home__tile${service.path ? '' : ' home__tile--soon'}`} onClick={() => open(service)}>
              <Text className={`home__badge home__badge--${service.key}`}>{service.badge}</Text>
              <Text className='home__tile-title'>{service.title}</Text>
              <Text className='home__tile-desc'>{service.description}</Text>
              {service.path ? null : <Text className='home__soon'>即将开放</Text>}
            </View>
          ))}
        </View>
      </View>
    </PageShell>
  )
}
