import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { FullScreenMessage } from '@/components/FullScreenMessage'
import { PageShell } from '@/components/PageShell'
import { grantText, invitationNotice, inviteTokenFromQuery } from '@domain/admin/invite'
import type { InvitationView } from '@domain/contract'
import type { ErrorCode } from '@domain/errors'
import { formatDateTime } from '@domain/format'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { useCloud } from '@/services/useCloud'
import './index.scss'

/** Answers about the invitation itself: trying again cannot change them, so they replace the page. */
const FINAL: ErrorCode[] = ['INVITE_NOT_FOUND', 'INVITE_USED', 'INVITE_EXPIRED', 'INVITE_CANCELLED', 'INVALID_INPUT']

const toHome = () => void Taro.switchTab({ url: '/pages/home/index' })
// reLaunch: 我的 loads afresh (showing the new role), and this page, whose address holds the token, is gone.
const toMe = () => Taro.reLaunch({ url: '/pages/me/index' })

function InvitationCard({ invitation }: { invitation: InvitationView }) {
  const { title, duties } = grantText(invitation.grants)
  return (
    <View className='invite__card' data-testid='invitation'>
      <Text className='invite__label'>邀请你成为</Text>
      <Text className='invite__title'>{title}</Text>
      {invitation.unionPath.length > 1 ? <Text className='invite__path'>{invitation.unionPath.join(' › ')}</Text> : null}
      <Text className='invite__duties'>{duties}</Text>
      <Text className='invite__expiry'>有效期至 {formatDateTime(invitation.expiresAt)}，只能使用一次</Text>
    </View>
  )
}

/**
 * 接受邀请: a 小程序码 opens this page with the invitation's token as `scene`, the web link with
 * `?token=`. The token stays in this page's memory: never in storage, never in a log line.
 */
export default function Invite() {
  const router = useRouter()
  const [token] = useState(() => inviteTokenFromQuery(router.params))
  const view = useCloud('admin', 'invitation', { token: token ?? '' }, Boolean(token))
  const [problem, setProblem] = useState<string | null>(null)
  const { busy: accepting, run } = useAction('接受邀请', {
    inline: (failure) => setProblem(failure.message),
    // Refused (used meanwhile, expired): show where the invitation stands now.
    onError: (failure) => {
      if (failure.code !== 'NETWORK' && failure.code !== 'INTERNAL') void view.reload()
    },
  })
  const final = view.error && FINAL.includes(view.error.code) ? view.error : null

  const accept = async () => {
    if (!token) return
    setProblem(null)
    await run(async () => {
      await call('admin', 'acceptInvitation', { token })
      Taro.showToast({ title: '已接受邀请', icon: 'success' })
      await toMe()
    })
  }

  const invitation = view.data
  const notice = invitation ? invitationNotice(invitation.status) : null
  return (
    <PageShell error={final ? null : view.error} loading={view.loading} hasData={Boolean(invitation)} onRetry={() => void view.reload()}>
      {!token ? (
        <FullScreenMessage testId='invite-missing' title='邀请链接不完整' detail='请重新扫描邀请二维码，或打开完整的邀请链接。' actionText='回到首页' onAction={toHome} />
      ) : final ? (
        <FullScreenMessage testId='invite-refused' title={final.message} actionText='回到首页' onAction={toHome} />
      ) : invitation ? (
        <View className='invite'>
          <InvitationCard invitation={invitation} />
          {notice ? (
            <Text className='invite__notice' data-testid='invite-notice'>
              {notice}
            </Text>
          ) : null}
          {problem ? (
            <Text className='invite__problem' data-testid='invite-problem'>
              {problem}
            </Text>
          ) : null}
          {invitation.usable ? (
            <Button id='accept-invitation' className='invite__action' type='primary' size='large' block loading={accepting} disabled={accepting} onClick={() => void accept()}>
              {accepting ? '正在接受…' : invitation.status === 'unfinished' ? '完成接受' : '接受邀请'}
            </Button>
          ) : (
            <Button id='invite-to-me' className='invite__action' size='large' block onClick={() => void toMe()}>
              去“我的”
            </Button>
          )}
          {invitation.usable ? <Text className='invite__hint'>接受后，“我的”页面会显示你的新角色。如果这不是发给你的邀请，请不要接受。</Text> : null}
        </View>
      ) : null}
    </PageShell>
  )
}
