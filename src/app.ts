import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { watchPrivacyRequests } from '@/platform/privacy'
import { keepScriptLinksInert } from '@/platform/scriptLinks'
import { matchBaseTemplate } from '@/platform/weappComponents'
import './app.scss'

// Before any page renders: Taro reads its component list on the first render.
matchBaseTemplate()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    watchPrivacyRequests()
    keepScriptLinksInert()
  })
  return children
}

export default App
