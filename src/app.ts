import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { watchPrivacyRequests } from '@/platform/privacy'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    watchPrivacyRequests()
  })
  return children
}

export default App
