import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { isRetryable, type CloudError } from '@domain/errors'
import { needsDemoLogin } from '@/platform/login'
import { PageRootFont } from '@/platform/pageMeta'
import { loginUrlHere } from '@/services/signIn'
import { useSession } from '@/stores/session'
import { ErrorBoundary } from './ErrorBoundary'
import { FullScreenMessage } from './FullScreenMessage'
import { PrivacyNotice } from './PrivacyNotice'

interface Props {
  /** A first load that failed: shown full screen with a retry. */
  error?: CloudError | null
  loading?: boolean
  /** Whether the page already shows data (a later failure is then only a toast). */
  hasData?: boolean
  onRetry?: () => void
  /** Open to anyone, signed in or not (the station map, the 公示 list): no demo login asked on the web. */
  public?: boolean
  /** The page was opened without what it shows (an old or cut link: no id): says so, with a way back. */
  missing?: boolean
  /** The privacy guide's own page is read with the notice away (the notice links to it). */
  privacyNotice?: boolean
  children: ReactNode
}

/**
 * Around every page, in this order: login needed → a render error → a first load that failed →
 * loading → the content. The privacy notice sits on top on first use and whenever a protected
 * action asks (askPrivacy, src/stores/privacy.ts); declined, it goes away and the page stays usable.
 */
/** Back where the person came from, or 首页 when the page was opened straight from a link. */
function goBackOrHome() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.reLaunch({ url: '/pages/home/index' })
}

export function PageShell({ error, loading, hasData, onRetry, public: isPublic = false, missing = false, privacyNotice = true, children }: Props) {
  const token = useSession((s) => s.token)
  if (needsDemoLogin && !token && !isPublic) {
    return (
      <View className='page-shell'>
        <PageRootFont />
        <FullScreenMessage testId='login-needed' title='请先选择演示身份' detail='网页版用演示身份体验；在微信中打开时无需登录。' actionText='去选择' onAction={() => Taro.navigateTo({ url: loginUrlHere() })} />
      </View>
    )
  }
  let body: ReactNode = children
  if (missing) {
    body = <FullScreenMessage testId='not-found' title='没有找到要显示的内容' detail='链接可能不完整或已失效。' actionText='返回' onAction={goBackOrHome} />
  } else if (error && !hasData) {
    // Trying again helps only with the network or the server; a refusal (who may use the page, a
    // record that is gone) says so, with a way back instead.
    const detail = error.code === 'NETWORK' ? '请检查网络后重试。' : undefined
    body = isRetryable(error.code) ? (
      <FullScreenMessage testId='load-error' title={error.message} detail={detail} actionText='重试' onAction={onRetry} />
    ) : (
      <FullScreenMessage testId='load-error' title={error.message} actionText='返回' onAction={goBackOrHome} />
    )
  }
  else if (loading && !hasData) body = <FullScreenMessage testId='loading' title='加载中…' />
  return (
    <View className='page-shell'>
      <PageRootFont />
      <ErrorBoundary>{body}</ErrorBoundary>
      {privacyNotice ? <PrivacyNotice /> : null}
    </View>
  )
}
