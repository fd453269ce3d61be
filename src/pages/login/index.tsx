import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { FullScreenMessage } from '@/components/FullScreenMessage'
import { asCloudError } from '@domain/errors'
import { safeReturnPath } from '@domain/returnPath'
import { demoLogin, listDemoPeople, type DemoPerson } from '@/services/demoLogin'
import { useAction } from '@/services/useAction'
import { useSession } from '@/stores/session'
import './index.scss'

/** Web build only: pick one of the seeded demo people; the server answers with a signed token. */
export default function Login() {
  const [people, setPeople] = useState<DemoPerson[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const signingIn = useAction('登录')
  const back = safeReturnPath(useRouter().params.back)

  const load = useCallback(async () => {
    setError(null)
    try {
      setPeople(await listDemoPeople())
    } catch (e) {
      setError(asCloudError(e, '没能读到演示账号，请重试').message)
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  const choose = async (person: DemoPerson) => {
    if (signingIn.busy) return
    setBusy(person.key)
    await signingIn.run(async () => {
      const { token, displayName } = await demoLogin(person.key)
      useSession.getState().signIn(token, displayName)
      // Back to the page that asked (a join link keeps its union), or 首页. reLaunch, not switchTab:
      // switching tabs while this page is still sliding in can leave it on top of 首页, catching
      // every tap (seen under load in the browser tests). reLaunch unloads it.
      await Taro.reLaunch({ url: back })
    })
    setBusy(null)
  }

  if (error) return <FullScreenMessage testId='load-error' title={error} actionText='重试' onAction={() => void load()} />
  if (!people) return <FullScreenMessage testId='loading' title='加载中…' />
  return (
    <View className='login'>
      <Text className='login__hint'>网页版使用演示数据，请选择一个身份体验（人物均为虚构）。</Text>
      {people.map((person) => (
        <View key={person.key} id={`login-as-${person.key}`} className='login__person' onClick={() => void choose(person)}>
          <Text className='login__name'>{person.displayName}</Text>
          <Text className='login__desc'>{busy === person.key ? '正在登录…' : person.description}</Text>
        </View>
      ))}
    </View>
  )
}
