import { useEffect, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { QUEUE_KINDS, QUEUES, type QueueKind } from '@domain/home'
import { DEFAULT_SERVICE_DAYS, SERVICE_DAYS_RANGE } from '@domain/staff/deadline'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { useCloud } from '@/services/useCloud'
import '../../ledger.scss'

/**
 * 办理时限: how many working days this union's staff have for each queue (#17 item 4). An empty box
 * takes the default. The cloud checks the range; the daily digest and the 工作台 count against it.
 */
export default function ServiceDaysPage() {
  const { params } = useRouter()
  const query = useCloud('review', 'serviceDays', params.unionId ? { unionId: params.unionId } : {})
  const [draft, setDraft] = useState<Partial<Record<QueueKind, string>>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const saving = useAction('保存', { inline: (failure) => setProblem(failure.message) })
  const data = query.data

  useEffect(() => {
    if (data) setDraft(Object.fromEntries(Object.entries(data.own).map(([k, n]) => [k, String(n)])))
  }, [data])

  const save = () => {
    if (!data) return
    const days: Partial<Record<QueueKind, number>> = {}
    for (const kind of QUEUE_KINDS) if (draft[kind]?.trim()) days[kind] = Number(draft[kind])
    setProblem(null)
    void saving.run(async () => {
      await call('review', 'setServiceDays', { unionId: data.unionId, days })
      await query.reload()
      Taro.showToast({ title: '已保存', icon: 'success' })
    })
  }

  return (
    <PageShell error={query.error} loading={query.loading} hasData={Boolean(data)} onRetry={() => void query.reload()}>
      {data ? (
        <View className='ledger' data-testid='service-days'>
          <Text className='ledger__title'>{data.unionName}</Text>
          <Text className='ledger__muted'>
            每类事项须在几个工作日内办结（{SERVICE_DAYS_RANGE.min}–{SERVICE_DAYS_RANGE.max}，不填用默认值）。周末不计，法定节假日调休未计入，时限只会提前。
          </Text>
          <View className='ledger__card'>
            {QUEUE_KINDS.map((kind) => (
              <View key={kind} className='ledger__row'>
                <Text className='ledger__label'>{QUEUES[kind].title}</Text>
                <Input
                  id={`days-${kind}`}
                  className='ledger__input'
                  type='number'
                  aria-label={`${QUEUES[kind].title}的办理时限（工作日）`}
                  placeholder={`默认 ${DEFAULT_SERVICE_DAYS[kind]} 天`}
                  value={draft[kind] ?? ''}
                  onInput={(e) => setDraft({ ...draft, [kind]: e.detail.value })}
                />
              </View>
            ))}
          </View>
          {problem ? (
            <Text className='ledger__problem' data-testid='days-problem'>
              {problem}
            </Text>
          ) : null}
          <Button id='days-save' className='ledger__action' type='primary' block loading={saving.busy} disabled={saving.busy} onClick={save}>
            保存
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}
