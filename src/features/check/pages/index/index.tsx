import { useCallback, useEffect, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import type { CardKey } from '@domain/card/token'
import { chinaClock } from '@domain/time'
import { couponFromScan } from '@domain/scan'
import { canScan, scanCode } from '@/platform/scan'
import { request } from '@/services/request'
import { cachedKeys, refreshKeys } from '../../keyCache'
import { flushOfflineChecks, pendingChecks, queueOfflineCheck } from '../../offlineQueue'
import { checkCard, type CheckResult } from '../../checkCard'
import '../../check.scss'

/** While the page is open, what waits is sent this often (the network may come back at any time). */
const FLUSH_EVERY_MS = 10_000

type Today = { place: string; online: number; offline: number; station?: { name: string; checks: number } }

/**
 * 会员核验 (#15 item 6), for merchant cashiers and union clerks: scan the member's card QR (or paste
 * its text on the web) → 有效会员, the union, the masked name, when. Checked on the phone first, so
 * it works in a basement; the cloud, when reachable, also sees a membership that ended and counts it.
 */
export default function CheckPage() {
  // Opened from a station (its poster or page, by its staff): every check counts for it too.
  const stationParam = useRouter().params.station
  const station = stationParam ? decodeURIComponent(stationParam) : undefined
  const [keys, setKeys] = useState<CardKey[]>(() => cachedKeys())
  const [token, setToken] = useState('')
  const [result, setResult] = useState<CheckResult | null>(null)
  const [busy, setBusy] = useState(false)
  const [pending, setPending] = useState(() => pendingChecks())
  const [today, setToday] = useState<Today | null>(null)

  const loadToday = useCallback(async () => {
    try {
      const t = await request('member', 'cardChecks', station ? { stationCode: station } : {})
      setToday({ place: t.place.name, online: t.online, offline: t.offline, station: t.station })
    } catch {
      // Offline: the figures wait for the network; checking does not.
    }
  }, [station])

  const flush = useCallback(async () => {
    const before = pendingChecks()
    const left = await flushOfflineChecks()
    setPending(left)
    if (left < before) await loadToday()
  }, [loadToday])

  const fetchKeys = useCallback(async () => {
    const fetched = await refreshKeys()
    setKeys(fetched.keys)
    return fetched.keys
  }, [])

  useEffect(() => {
    void fetchKeys()
    void loadToday()
    void flush()
    const timer = setInterval(() => void flush(), FLUSH_EVERY_MS)
    return () => clearInterval(timer)
  }, [fetchKeys, loadToday, flush])

  const check = async (text: string) => {
    if (busy) return
    setBusy(true)
    try {
      const answer = await checkCard(text, keys, fetchKeys, station)
      setResult(answer)
      if (answer.kind === 'valid' && answer.mode === 'offline') setPending(queueOfflineCheck(station))
      if (answer.kind === 'valid' && answer.mode === 'online') {
        setToken('')
        await flush()
        await loadToday()
      }
    } finally {
      setBusy(false)
    }
  }

  /** The card's QR is a plain QR code of the token; a 小程序码 never is one. */
  const scan = async () => {
    const scanned = await scanCode({ cameraOnly: true })
    if (!scanned) return
    const text = couponFromScan(scanned)
    if (text) await check(text)
    else setResult({ kind: 'refused', reason: '这不是会员码，请让会员打开“我的 → 出示电子会员证”' })
  }

  return (
    <PageShell>
      <View className='check' data-testid='card-check'>
        <View className='check__card'>
          <Text className='check__title'>核验电子会员证</Text>
          {today?.station ? (
            <Text className='check__muted' data-testid='check-station'>
              在{today.station.name}核验：每次核验也记入本驿站
            </Text>
          ) : null}
          <Text className='check__muted' data-testid='check-keys'>
            {keys.length ? '已保存核验公钥，没有网络也能核验真伪和有效期' : '尚未取得核验公钥：请联网打开本页一次，之后离线也能核验'}
          </Text>
          {canScan ? (
            <Button id='check-scan' className='check__action' type='primary' onClick={() => void scan()}>
              扫描会员码
            </Button>
          ) : null}
          <Input id='check-input' className='check__input' placeholder='粘贴或输入会员码' aria-label='会员码' value={token} maxlength={1024} onInput={(e) => setToken(e.detail.value)} onConfirm={() => void check(token)} />
          <Button id='check-btn' className='check__action' type={canScan ? 'default' : 'primary'} loading={busy} onClick={() => void check(token)}>
            核验
          </Button>
        </View>
        {result ? <ResultView result={result} /> : null}
        {pending ? (
          <Text className='check__muted' data-testid='check-pending'>
            离线核验 {pending} 次待补记，联网后自动上传（只传次数）
          </Text>
        ) : null}
        {today ? (
          <Text className='check__muted' data-testid='check-today'>
            {today.place}今日核验 {today.online + today.offline} 次（其中离线补记 {today.offline} 次）
            {today.station ? `；本驿站今日 ${today.station.checks} 次` : ''}
          </Text>
        ) : null}
      </View>
    </PageShell>
  )
}

function ResultView({ result }: { result: CheckResult }) {
  if (result.kind === 'refused') {
    return (
      <View className='check__result check__result--bad' data-testid='check-refused' {...({ role: 'alert' } as object)}>
        <Text className='check__verdict'>✕ 不能核验</Text>
        <Text className='check__line'>{result.reason}</Text>
      </View>
    )
  }
  return (
    <View className='check__result check__result--ok' data-testid='check-valid' {...({ role: 'status' } as object)}>
      <Text className='check__verdict'>✓ 有效会员</Text>
      <Text className='check__line' data-testid='check-union'>
        {result.union}
      </Text>
      <Text className='check__line' data-testid='check-name'>
        会员 {result.maskedName}
      </Text>
      <Text className='check__line'>核验时间 {chinaClock(result.at)}</Text>
      <Text className='check__mode' data-testid='check-mode'>
        {result.mode === 'online' ? '在线核验' : '离线核验'}
      </Text>
      {result.mode === 'offline' ? <Text className='check__line'>离线核验只能确认会员码真实且未过期；会员退会等变化需联网核验才能发现。</Text> : null}
    </View>
  )
}
