import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { useMayCall } from '@/services/useMayCall'

/** 有用 after a visit: once a day per station for someone signed in; signed out, it leads to sign-in. */
export function HelpfulButton({ code, given, onGiven }: { code: string; given: boolean; onGiven(): void }) {
  const mayCall = useMayCall('stations', 'helpful')
  const { busy, run } = useAction('点有用')
  if (!mayCall) {
    return (
      <Button id='helpful-sign-in' onClick={() => void Taro.navigateTo({ url: '/pages/login/index' })}>
        登录后点“有用”
      </Button>
    )
  }
  return (
    <Button
      id='helpful'
      type={given ? 'default' : 'primary'}
      disabled={given || busy}
      loading={busy}
      onClick={() =>
        void run(async () => {
          await call('stations', 'helpful', { code })
          Taro.showToast({ title: '谢谢你的反馈', icon: 'success' })
          onGiven()
        })
      }
    >
      {given ? '今天已点过有用' : '👍 有用'}
    </Button>
  )
}
