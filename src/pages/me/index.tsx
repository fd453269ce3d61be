import { View, Text } from '@tarojs/components'
import { tappable } from '@/platform/a11y'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import type { Profile } from '@domain/contract'
import { formatDate } from '@domain/format'
import { HOME_LINKS } from '@domain/home'
import { needsDemoLogin } from '@/platform/login'
import { useCloud } from '@/services/useCloud'
import { useSession } from '@/stores/session'
import { JoinStatus } from '@/features/join/components/JoinStatus'
import { TransferEntry } from '@/features/transfer/components/TransferEntry'
import { MeLinks } from '@/features/benefits/components/MeLinks'
import { PrivacyLinks } from '@/features/privacy/components/PrivacyLinks'
import { HeldRoles } from './HeldRoles'
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
      <Button id='open-card' size='small' onClick={() => void Taro.navigateTo({ url: '/features/join/pages/card/index' })}>
        出示电子会员证
      </Button>
    </View>
  )
}

export default function Me() {
  const profile = useCloud('member', 'profile', {})
  usePullDownRefresh(() => {
    void profile.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const data = profile.data
  const clerk = data?.roles.some((role) => role.kind === 'union_staff') ?? false
  const reviewer = !clerk && (data?.roles.some((role) => role.kind === 'aid_reviewer') ?? false)
  // Who checks member cards: cashiers and clerks (a station's keeper is union staff; there is no role of its own).
  const checker = clerk || (data?.roles.some((role) => role.kind === 'merchant_staff') ?? false)

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
          {data.membership ? <MembershipCard membership={data.membership} /> : <JoinStatus />}
          <View className='me__section'>
            <View id='open-notifications' {...tappable('link', '我的消息：审核结果等')} onClick={() => void Taro.navigateTo({ url: '/features/join/pages/notifications/index' })}>
              <Cell title='我的消息' extra='审核结果等' />
            </View>
            {clerk || reviewer ? (
              <View id='open-desk' {...tappable('link', '工作台：待办与统计')} onClick={() => void Taro.navigateTo({ url: HOME_LINKS.desk })}>
                <Cell title='工作台' extra='待办与统计' />
              </View>
            ) : null}
            {clerk ? (
              <View id='open-review' {...tappable('link', '入会审核：待审核的入会申请')} onClick={() => void Taro.navigateTo({ url: '/features/join/pages/review/index' })}>
                <Cell title='入会审核' extra='待审核的入会申请' />
              </View>
            ) : null}
            {clerk ? (
              <View id='open-poster' {...tappable('link', '入会二维码：打印张贴，扫码入会')} onClick={() => void Taro.navigateTo({ url: '/features/join/pages/poster/index' })}>
                <Cell title='入会二维码' extra='打印张贴，扫码入会' />
              </View>
            ) : null}
            {clerk ? (
              <View id='open-people' {...tappable('link', '邀请与人员：邀请工作人员、审核人')} onClick={() => void Taro.navigateTo({ url: '/features/admin/pages/people/index' })}>
                <Cell title='邀请与人员' extra='邀请工作人员、审核人' />
              </View>
            ) : null}
            {clerk ? (
              <View id='open-merchants' {...tappable('link', '商户管理：登记商户、邀请核销员')} onClick={() => void Taro.navigateTo({ url: '/features/admin/pages/merchants/index' })}>
                <Cell title='商户管理' extra='登记商户、邀请核销员' />
              </View>
            ) : null}
            {clerk ? (
              <View id='open-org' {...tappable('link', '组织管理：管理下级工会')} onClick={() => void Taro.navigateTo({ url: '/features/org/pages/index/index' })}>
                <Cell title='组织管理' extra='管理下级工会' />
              </View>
            ) : null}
            {clerk ? (
              <View id='open-ledger' {...tappable('link', '台账：操作记录、导出、办理时限')} onClick={() => void Taro.navigateTo({ url: '/features/ledger/pages/audit/index' })}>
                <Cell title='台账' extra='操作记录、导出、办理时限' />
              </View>
            ) : null}
            {clerk ? (
              <View id='open-station-manage' {...tappable('link', '驿站管理：新增、导入、问题反馈')} onClick={() => void Taro.navigateTo({ url: '/features/stations/pages/manage/index' })}>
                <Cell title='驿站管理' extra='新增、导入、问题反馈' />
              </View>
            ) : null}
            {checker ? (
              <View id='open-card-check' {...tappable('link', '会员核验：扫码核验电子会员证，离线可用')} onClick={() => void Taro.navigateTo({ url: '/features/check/pages/index/index' })}>
                <Cell title='会员核验' extra='扫码核验电子会员证' />
              </View>
            ) : null}
            {reviewer ? (
              <View id='open-aid-review' {...tappable('link', '金秋助学审核：待你审核的申请')} onClick={() => void Taro.navigateTo({ url: '/features/aid/pages/review/index' })}>
                <Cell title='金秋助学审核' extra='待你审核的申请' />
              </View>
            ) : null}
          </View>
          <PrivacyLinks profile={data} />
          <TransferEntry profile={data} />
          <MeLinks profile={data} />
          {data.held.length ? <HeldRoles held={data.held} onChanged={profile.reload} /> : null}
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
