import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { watchPrivacyRequests } from '@/platform/privacy'
import { keepScriptLinksInert } from '@/platform/scriptLinks'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    watchPrivacyRequests()
    keepScriptLinksInert()
  })
  return children
}

export default App
