import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import type { ApplicationView, JoinUnion } from '@domain/contract'
import { CloudError } from '@domain/errors'
import { unionCodeFromQuery } from '@domain/join/entry'
import { type JoinForm, type JoinFormField } from '@domain/join/form'
import { chinaToday } from '@domain/time'
import { unionFromScan, unionScanProblem } from '@domain/scan'
import { shareJoin } from '@domain/share'
import { canScan, scanCode } from '@/platform/scan'
import { askToBeTold } from '@/platform/subscribe'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { useCloud } from '@/services/useCloud'
import { useShare } from '@/services/useShare'
import { revealFirstError } from '@/platform/revealError'
import { JoinFormView } from '../../components/JoinFormView'
import { UnionCard } from '../../components/UnionCard'
import { useJoinDraft } from '../../store'
import '../../join.scss'

/** Find a union by name or region; the 新业态工会联合会 is always offered. */
function FindUnion({ onPick, onCode }: { onPick(union: JoinUnion): void; onCode(code: string): void }) {
  const [code, setCode] = useState('')
  const [keyword, setKeyword] = useState('')
  const [found, setFound] = useState<{ unions: JoinUnion[]; newForms: JoinUnion[] } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const searching = useAction('查找', { inline: (failure) => setError(failure.message) })
  const search = async (word: string) => {
    setError(null)
    await searching.run(async () => setFound(await call('member', 'searchUnions', { keyword: word })))
  }
  const scan = async () => {
    const scanned = await scanCode()
    if (!scanned) return
    const meaning = unionFromScan(scanned)
    if (meaning.kind === 'union') onCode(meaning.code)
    else Taro.showToast({ title: unionScanProblem(meaning) ?? '', icon: 'none', duration: 2500 })
  }
  return (
    <View className='join-find' data-testid='find-union'>
      {canScan ? (
        <Button id='scan-union' type='primary' block onClick={() => void scan()}>
          扫描工会二维码
        </Button>
      ) : null}
      <Text className='join-find__title'>输入工会编码</Text>
      <View className='join-find__row' id='field-code'>
        <Input name='code' placeholder='海报上的工会编码' value={code} onChange={setCode} />
        <Button id='code-go' size='small' onClick={() => code.trim() && onCode(code.trim().toLowerCase())}>
          确定
        </Button>
      </View>
      <Text className='join-find__title'>按名称或地区查找</Text>
      <View className='join-find__row' id='field-keyword'>
        <Input name='keyword' placeholder='如：速递、新城区' value={keyword} onChange={setKeyword} />
        <Button id='search-go' size='small' disabled={searching.busy} onClick={() => void search(keyword.trim())}>
          查找
        </Button>
      </View>
      {error ? <Text className='join-form__error'>{error}</Text> : null}
      {found ? (
        <View data-testid='search-results'>
          {found.unions.length ? null : <Text className='join-find__hint'>{keyword.trim() ? '没有找到，可换个关键词' : '请输入关键词'}</Text>}
          {found.unions.map((u) => (
            <View key={u.id} id={`pick-${u.id}`} className='join-find__item' onClick={() => onPick(u)}>
              <Text className='join-find__name'>{u.name}</Text>
              <Text className='join-find__path'>{u.path.join(' › ')}</Text>
            </View>
          ))}
          <Text className='join-find__title'>单位没有工会，或是快递员、骑手、网约车司机等新就业形态劳动者？</Text>
          {found.newForms.map((u) => (
            <View key={u.id} id={`pick-${u.id}`} className='join-find__item' onClick={() => onPick(u)}>
              <Text className='join-find__name'>{u.name}</Text>
              <Text className='join-find__path'>{u.path.join(' › ')}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text id='show-newforms' className='join-find__link' onClick={() => void search('')}>
          单位没有工会？看看新业态工会联合会
        </Text>
      )}
    </View>
  )
}

function Submitted({ app }: { app: ApplicationView }) {
  return (
    <View className='join-done' data-testid='join-submitted'>
      <Text className='join-done__title'>{app.status === 'approved' ? '入会成功' : '申请已提交'}</Text>
      <Text className='join-done__text'>
        {app.status === 'approved' ? `会员编号 ${app.memberNo ?? ''}，电子会员证在“我的”页面。` : `${app.union.name}将尽快审核，结果会通知你，也可在“我的”查看进度。`}
      </Text>
      <Text className='join-done__text'>身份证号 {app.idMasked}</Text>
      <Button id='to-me' type='primary' block onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
        查看进度
      </Button>
    </View>
  )
}

/**
 * 扫码入会: the union's code arrives as a 小程序码 `scene`, a `?union=` link, a scan or typed in.
 * The union is shown first, then the form; the draft (never the ID number) survives closing the app.
 */
export default function JoinEntry() {
  const router = useRouter()
  const draft = useJoinDraft()
  const [code, setCode] = useState<string | null>(() => unionCodeFromQuery(router.params) ?? draft.unionId)
  const [picked, setPicked] = useState<JoinUnion | null>(null)
  const [idNumber, setIdNumber] = useState('')
  const [serverErrors, setServerErrors] = useState<Partial<Record<JoinFormField, string>>>({})
  const [submitting, setSubmitting] = useState(false)
  const [done, setDone] = useState<ApplicationView | null>(null)
  const lookup = useCloud('member', 'unionByCode', { code: code ?? '' }, Boolean(code) && !picked)
  const union = picked ?? (code ? lookup.data : null)
  const lookupError = code && !picked ? lookup.error : null
  // Shares the union (its public code), never the form: the one who opens it starts afresh.
  useShare(union ? shareJoin(union.id, union.name) : { title: '扫码入会', path: '/features/join/pages/entry/index' })

  const chooseCode = (next: string | null) => {
    setPicked(null)
    setCode(next)
    draft.setUnion(next)
  }
  const pick = (u: JoinUnion) => {
    setPicked(u)
    setCode(u.id)
    draft.setUnion(u.id)
  }

  const submit = async () => {
    if (!union) return
    await askToBeTold(['joinResult'])
    setSubmitting(true)
    setServerErrors({})
    try {
      const submission = { ...(draft.values as Omit<JoinForm, 'idNumber'>), idNumber, unionId: union.id }
      const app = await call('member', 'join', { ...submission, idempotencyKey: draft.keyForSubmit(submission) })
      draft.clear()
      setIdNumber('')
      setDone(app)
    } catch (e) {
      const error = e instanceof CloudError ? e : new CloudError('INTERNAL')
      // A lost answer keeps the key, so trying again is the same submission.
      draft.submissionAnswered(error)
      if (error.fields) {
        setServerErrors(error.fields as Partial<Record<JoinFormField, string>>)
        revealFirstError('.join-form__error')
      }
      Taro.showToast({ title: error.message, icon: 'none', duration: 3000 })
      setSubmitting(false)
    }
  }

  const loading = Boolean(code) && !picked && lookup.loading
  return (
    <PageShell loading={loading}>
      <View className='join'>
        {done ? (
          <Submitted app={done} />
        ) : union ? (
          <>
            <UnionCard union={union} onChange={() => chooseCode(null)} />
            <JoinFormView
              values={draft.values}
              idNumber={idNumber}
              today={chinaToday(new Date())}
              serverErrors={serverErrors}
              submitting={submitting}
              onValue={(field, value) => {
                setServerErrors((errors) => ({ ...errors, [field]: undefined }))
                draft.setValue(field, value)
              }}
              onIdNumber={(value) => {
                setServerErrors((errors) => ({ ...errors, idNumber: undefined }))
                setIdNumber(value)
              }}
              onSubmit={() => void submit()}
            />
          </>
        ) : (
          <>
            {lookupError ? (
              <View className='join-notice' data-testid='union-not-found'>
                <Text>{lookupError.message}</Text>
              </View>
            ) : (
              <View className='join-notice'>
                <Text>扫描工会的入会二维码，或输入海报上的工会编码；也可以按名称查找。</Text>
              </View>
            )}
            <FindUnion onPick={pick} onCode={chooseCode} />
          </>
        )}
      </View>
    </PageShell>
  )
}
