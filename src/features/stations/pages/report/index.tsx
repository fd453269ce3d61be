import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { REPORT_KINDS, REPORT_KIND_NAMES, REPORT_NOTE_MAX, type ReportKind } from '@domain/stations/reports'
import { AMENITIES, type Amenity } from '@domain/stations/types'
import { HOME_LINKS } from '@domain/home'
import { PageShell } from '@/components/PageShell'
import { choiceGroup, choosable } from '@/platform/a11y'
import { call } from '@/services/cloud'
import { useRetryKey } from '@/services/ids'
import { loginUrlHere } from '@/services/signIn'
import { useAction } from '@/services/useAction'
import { useCloud } from '@/services/useCloud'
import { ReportPhoto } from '../../components/ReportPhoto'
import '../../stations.scss'
import './index.scss'

/**
 * A note written before going to sign in for a photo, by station: kept in memory only (never in a
 * link or in storage: it is free text), and taken back once on return.
 */
const notesWhileSigningIn = new Map<string, string>()

/**
 * 反馈问题: anyone, signed in or not, says what is wrong with a station, with a photo if signed in.
 * The managing union's clerks see it in their queue; who sent it is never shown to anyone.
 */
export default function ReportPage() {
  const params = useRouter().params
  const code = params.code ?? ''
  const detail = useCloud('stations', 'get', { code }, Boolean(code))
  // Back from signing in: the choices made before are in the link (a kind and an amenity, nothing personal).
  const [kind, setKind] = useState<ReportKind | null>(() => REPORT_KINDS.find((k) => k === params.kind) ?? null)
  const [amenity, setAmenity] = useState<Amenity | null>(() => AMENITIES.find((_, i) => String(i) === params.amenity) ?? null)
  const [note, setNote] = useState(() => {
    const kept = notesWhileSigningIn.get(code) ?? ''
    notesWhileSigningIn.delete(code)
    return kept
  })
  const [photo, setPhoto] = useState<string | null>(null)
  const [uploading, setUploading] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const retry = useRetryKey()
  const { busy, run } = useAction('提交反馈', { inline: (failure) => setMessage(failure.message) })
  const s = detail.data

  const submit = async () => {
    setMessage(null)
    if (!kind) return setMessage('请选择问题类型')
    if (kind === 'amenity' && !amenity) return setMessage('请选择是哪项设施')
    const input = { code, kind, ...(kind === 'amenity' && amenity ? { amenity } : {}), note: note.trim(), ...(photo ? { photo } : {}) }
    const idempotencyKey = retry.key(input)
    await run(async () => {
      try {
        await call('stations', 'report', { ...input, idempotencyKey })
        retry.settle()
        notesWhileSigningIn.delete(code)
      } catch (error) {
        retry.settle(error)
        throw error
      }
      await Taro.showToast({ title: '已提交，谢谢', icon: 'success' })
      // Back to the station; after signing in for a photo the report page is the only one open.
      setTimeout(() => void (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.redirectTo({ url: HOME_LINKS.station(code) })), 800)
    })
  }

  const signInForPhoto = () => {
    if (note) notesWhileSigningIn.set(code, note)
    void Taro.navigateTo({ url: loginUrlHere({ ...(kind ? { kind } : {}), ...(kind === 'amenity' && amenity ? { amenity: String(AMENITIES.indexOf(amenity)) } : {}) }) })
  }

  return (
    <PageShell public missing={!code} error={detail.error} loading={detail.loading} hasData={Boolean(s)} onRetry={() => void detail.reload()}>
      {s ? (
        <View className='station-report' data-testid='station-report'>
          <Text className='station-detail__name'>{s.name}</Text>
          <Text className='station-detail__label'>遇到了什么问题？（不会公开你是谁）</Text>
          <View className='chips' {...choiceGroup} aria-label='问题类型'>
            {REPORT_KINDS.map((k) => (
              <Text key={k} id={`report-kind-${k}`} className={`chips__chip chips__chip--type${kind === k ? ' chips__chip--on' : ''}`} {...choosable('radio', kind === k, () => setKind(k))}>
                {REPORT_KIND_NAMES[k]}
              </Text>
            ))}
          </View>
          {kind === 'amenity' ? (
            <>
              <Text className='station-detail__label'>是哪项设施？</Text>
              <View className='chips' {...choiceGroup} aria-label='哪项设施'>
                {AMENITIES.map((a, i) => (
                  <Text key={a} id={`report-amenity-${i}`} data-testid={`report-amenity-${a}`} className={`chips__chip chips__chip--type${amenity === a ? ' chips__chip--on' : ''}`} {...choosable('radio', amenity === a, () => setAmenity(a))}>
                    {a}
                  </Text>
                ))}
              </View>
            </>
          ) : null}
          <Textarea
            id='report-note'
            className='station-report__note'
            placeholder={`补充说明（选填，最多 ${REPORT_NOTE_MAX} 字），如 微波炉坏了`}
            maxlength={REPORT_NOTE_MAX}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
          <ReportPhoto photo={photo} onChange={setPhoto} onUploading={setUploading} onSignIn={signInForPhoto} />
          {message ? (
            <Text className='station-report__message' data-testid='report-error'>
              {message}
            </Text>
          ) : null}
          <Button id='submit-report' type='primary' block loading={busy} disabled={busy || uploading} onClick={() => void submit()}>
            提交反馈
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}
