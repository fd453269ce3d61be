import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { StationReport } from '@domain/contract'
import type { ErrorCode } from '@domain/errors'
import { formatDate } from '@domain/format'
import { OUTCOME_NAMES, REPORT_KIND_NAMES, type ReportOutcome } from '@domain/stations/reports'
import { ListMore } from '@/components/ListMore'
import { PageShell } from '@/components/PageShell'
import { tappable } from '@/platform/a11y'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { usePagedList } from '@/services/usePagedList'
import { ReportPhotoThumb } from '../../components/ReportPhotoThumb'
import '../../components/StationList.scss'
import '../../stations.scss'
import './index.scss'

/** Resolved by someone else meanwhile: either way the report leaves this queue. */
const GONE: readonly ErrorCode[] = ['ALREADY_DECIDED', 'NOT_FOUND']

function Report({ report, onDone }: { report: StationReport; onDone(): void }) {
  const [note, setNote] = useState('')
  const { busy, run } = useAction('处理反馈', { onError: (failure) => GONE.includes(failure.code) && onDone() })
  const resolve = (outcome: ReportOutcome) =>
    run(async () => {
      await call('stations', 'resolve', { id: report.id, outcome, note })
      Taro.showToast({ title: '已处理', icon: 'success' })
      onDone()
    })
  const what = report.kind === 'amenity' && report.amenity ? `${report.amenity}：${REPORT_KIND_NAMES.amenity}` : REPORT_KIND_NAMES[report.kind]
  return (
    <View className='station-detail__section' data-testid='station-report-item' data-id={report.id}>
      <Text
        className='report-queue__title'
        {...tappable('link', `打开驿站：${report.stationName}`)}
        onClick={() => void Taro.navigateTo({ url: `/features/stations/pages/detail/index?code=${encodeURIComponent(report.code)}` })}
      >
        {report.stationName}
      </Text>
      <Text className='station-detail__text'>{what}</Text>
      {report.note ? <Text className='station-detail__text'>“{report.note}”</Text> : null}
      {report.photo ? <ReportPhotoThumb src={report.photo} id={report.id} /> : null}
      <Text className='report-queue__waiting'>
        {formatDate(report.createdAt)}提交 · {report.waiting}
      </Text>
      {report.kind === 'closed' ? <Text className='station-detail__label'>确认“属实”会把驿站标为已撤销，不再出现在查找结果中。</Text> : null}
      <Input id={`resolve-note-${report.id}`} className='report-queue__note' placeholder='处理说明（必填），如 已现场核实' value={note} maxlength={200} onInput={(e) => setNote(e.detail.value)} />
      <View className='report-queue__actions'>
        <Button id={`reject-report-${report.id}`} disabled={busy} onClick={() => void resolve('rejected')}>
          {OUTCOME_NAMES.rejected}
        </Button>
        <Button id={`confirm-report-${report.id}`} type='primary' disabled={busy} onClick={() => void resolve('confirmed')}>
          {OUTCOME_NAMES.confirmed}
        </Button>
      </View>
    </View>
  )
}

/**
 * The clerks' queue: open reports on the stations of their union and the unions below, oldest
 * first, with how long each has waited, 50 a page (加载更多 at the end). Resolving one sets the
 * station's last-verified date and takes it out where it is; a change to hours or amenities is
 * made on the station's page.
 */
export default function ReportQueuePage() {
  const queue = usePagedList('stations', 'reports', {})
  usePullDownRefresh(() => void queue.reload().finally(() => Taro.stopPullDownRefresh()))
  const { items, total } = queue
  return (
    <PageShell error={queue.error} loading={queue.loading} hasData={Boolean(items)} onRetry={() => void queue.reload()}>
      {items ? (
        <View className='report-queue' data-testid='report-queue'>
          <Text className='station-detail__label' data-testid='report-total'>
            待处理 {total ?? items.length} 条{total !== null && total > items.length ? `，已显示最早的 ${items.length} 条` : ''}
          </Text>
          {items.length ? (
            items.map((r) => <Report key={r.id} report={r} onDone={() => queue.remove(r.id)} />)
          ) : (
            <Text className='station-list__empty' data-testid='report-none'>
              没有待处理的反馈
            </Text>
          )}
          <ListMore id='report-more' more={Boolean(queue.nextCursor)} loading={queue.loadingMore} onMore={() => void queue.loadMore()} endText={null} endTestId='report-end' />
        </View>
      ) : null}
    </PageShell>
  )
}
