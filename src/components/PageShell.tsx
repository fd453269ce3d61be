import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CloudError } from '@/domain/errors'
import { pageWithQuery } from '@/domain/returnPath'
import { needsDemoLogin } from '@/platform/login'
import { useSession } from '@/stores/session'
import { ErrorBoundary } from './ErrorBoundary'
import { FullScreenMessage } from './FullScreenMessage'
import { PrivacyNotice } from './PrivacyNotice'

/** The sign-in page, told to come back here afterwards (a join link keeps its union). */
function loginUrlHere(): string {
  const router = Taro.getCurrentInstance().router
  const here = router ? pageWithQuery(router.path, router.params) : ''
  return here ? `/pages/login/index?back=${encodeURIComponent(here)}` : '/pages/login/index'
}

interface Props {
  /** A first load that failed: shown full screen with a retry. */
  error?: CloudError | null
  loading?: boolean
  /** Whether the page already shows data (a later failure is then only a toast). */
  hasData?: boolean
  onRetry?: () => void
  /** Open to anyone, signed in or not (the station map, the 公示 list): no demo login asked on the web. */
  public?: boolean
  /** The privacy guide's own page is read with the notice away (the notice links to it). */
  privacyNotice?: boolean
  children: ReactNode
}

/**
 * Around every page, in this order: login needed → a render error → a first load that failed →
 * loading → the content. The privacy notice sits on top on first use and whenever a protected
 * action asks (askPrivacy, src/stores/privacy.ts); declined, it goes away and the page stays usable.
 */
export function PageShell({ error, loading, hasData, onRetry, public: isPublic = false, privacyNotice = true, children }: Props) {
  const token = useSession((s) => s.token)
  if (needsDemoLogin && !token && !isPublic) {
    return (
      <View className='page-shell'>
        <FullScreenMessage testId='login-needed' title='请先选择演示身份' detail='网页版用演示身份体验；在微信中打开时无需登录。' actionText='去选择' onAction={() => Taro.navigateTo({ url: loginUrlHere() })} />
      </View>
    )
  }
  let body: ReactNode = children
  if (error && !hasData) {
    const detail = error.code === 'NETWORK' ? '请检查网络后重试。' : undefined
    body = <FullScreenMessage testId='load-error' title={error.message} detail={detail} actionText='重试' onAction={onRetry} />
  }
  else if (loading && !hasData) body = <FullScreenMessage testId='loading' title='加载中…' />
  return (
    <View className='page-shell'>
      <ErrorBoundary>{body}</ErrorBoundary>
      {privacyNotice ? <PrivacyNotice /> : null}
    </View>
  )
}
