import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { UNION_LEVEL_NAMES, type Profile } from '@/domain/contract'
import { formatDate } from '@/domain/format'
import { needsDemoLogin } from '@/platform/login'
import { useCloud } from '@/services/useCloud'
import { useSession } from '@/stores/session'
import { MeLinks } from '@/features/benefits/components/MeLinks'
import './index.scss'

function MembershipCard({ membership }: { membership: NonNullable<Profile['membership']> }) {
  return (
    <View className='me__card' data-testid='membership'>
      <Text className='me__card-label'>工会会员</Text>
      <Text className='me__card-union'>{membership.union.name}</Text>
      <Text className='me__card-path'>{membership.unionPath.join(' › ')}</Text>
      <View className='me__card-row'>
        <Text>会员编号 {membership.memberNo}</Text>
        <Text>{formatDate(membership.joinedAt)}入会</Text>
      </View>
    </View>
  )
}

function NotMember() {
  return (
    <View className='me__card me__card--none' data-testid='not-member'>
      <Text className='me__card-union'>尚未入会</Text>
      <Text className='me__card-path'>入会后可领取普惠福利、申请金秋助学。扫码入会即将开放。</Text>
    </View>
  )
}

function roleText(role: Profile['roles'][number]): string {
  return role.kind === 'union_staff' ? `${role.union.name}（${UNION_LEVEL_NAMES[role.union.level]}）工作人员` : `${role.merchantName} 核销员`
}

export default function Me() {
  const token = useSession((s) => s.token)
  const profile = useCloud('member', 'profile', {}, !needsDemoLogin || Boolean(token))
  usePullDownRefresh(() => {
    void profile.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const data = profile.data

  const switchPerson = () => {
    useSession.getState().signOut()
    Taro.navigateTo({ url: '/pages/login/index' })
  }

  return (
    <PageShell error={profile.error} loading={profile.loading} hasData={Boolean(data)} onRetry={() => void profile.reload()}>
      {data ? (
        <View className='me'>
          <View className='me__header'>
            <Text className='me__name' data-testid='display-name'>
              {data.displayName}
            </Text>
          </View>
          {data.membership ? <MembershipCard membership={data.membership} /> : <NotMember />}
          <MeLinks profile={data} />
          {data.roles.length ? (
            <View className='me__section'>
              <Text className='me__section-title'>我的角色</Text>
              {data.roles.map((role) => (
                <Cell key={role.kind === 'union_staff' ? role.union.id : role.merchantId} title={roleText(role)} />
              ))}
            </View>
          ) : null}
          {needsDemoLogin ? (
            <View className='me__footer'>
              <Button id='switch-person' block onClick={switchPerson}>
                切换演示身份
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  )
}
