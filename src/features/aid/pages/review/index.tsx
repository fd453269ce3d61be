import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { ListMore } from '@/components/ListMore'
import { PageShell } from '@/components/PageShell'
import { DOCUMENT_NAMES } from '@domain/aid/programme'
import { formatFen, yuanToFen } from '@domain/money'
import { chinaToday } from '@domain/time'
import { saveLinkedFile, saveTextFile } from '@/platform/download'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { HomeVisitPanel } from '../../components/HomeVisitPanel'
import { ApplicationFacts, Timeline } from '../../components/Timeline'
import { openDocument } from '../../documents'
import { useReviewList, type ReviewItem as Item } from '../../useReviewList'
import '../../aid.scss'

const today = () => chinaToday(new Date())

/** One application for a reviewer: its facts, and the buttons the state table and the level allow. */
function ReviewCard({ a, onDone }: { a: Item; onDone: (updated: Item) => void }) {
  const [note, setNote] = useState('')
  const [amount, setAmount] = useState(a.amountFen === null ? '' : String(a.amountFen / 100))
  const [reference, setReference] = useState('')
  const acting = useAction('审核')
  const opening = useAction('打开材料')
  const busy = acting.busy

  const run = (work: () => Promise<Item>, done: string) =>
    acting.run(async () => {
      const updated = await work()
      Taro.showToast({ title: done, icon: 'success' })
      onDone(updated)
    })
  const review = (decision: 'verify' | 'send_back' | 'approve' | 'reject', done: string) =>
    run(() => call('aid', 'review', { applicationId: a.id, decision, note: note.trim() || undefined, amountFen: decision === 'approve' && amount ? (yuanToFen(amount) ?? undefined) : undefined }), done)
  const can = (action: Item['canAct'][number]) => a.canAct.includes(action)
  const openObjections = a.objections.filter((o) => o.status === 'open')

  return (
    <View className='aid-card' data-testid='review-item' data-status={a.status}>
      <Text className='aid-card__title'>
        {a.child.name} · {a.applicantName}
      </Text>
      <Text className='aid-hint'>{a.unionName}</Text>
      <Timeline steps={a.timeline} />
      <ApplicationFacts a={a} />
      <View className='aid-choices'>
        {a.documents.map((d) => (
          <Button key={d.fileId} id={`open-doc-${d.kind}`} size='small' disabled={opening.busy} onClick={() => void opening.run(() => openDocument(d.fileId))}>
            查看{DOCUMENT_NAMES[d.kind]}
          </Button>
        ))}
      </View>
      <HomeVisitPanel a={a} onDone={onDone} />
      {a.objections.map((o) => (
        <View key={o.id} data-testid='objection'>
          <Text className='aid-error'>
            异议（{o.status === 'open' ? '待处理' : o.status === 'upheld' ? '成立' : '不成立'}）：{o.text}
          </Text>
          {o.status === 'open' && a.canResolve ? (
            <View className='aid-actions'>
              <Button id='objection-dismiss' size='small' disabled={busy} onClick={() => void run(() => call('aid', 'resolveObjection', { objectionId: o.id, uphold: false, note: note.trim() || '经核实异议不成立' }), '已处理')}>
                不成立
              </Button>
              <Button id='objection-uphold' size='small' disabled={busy} onClick={() => void run(() => call('aid', 'resolveObjection', { objectionId: o.id, uphold: true, note: note.trim() || '经核实异议成立' }), '已处理')}>
                成立（不予资助）
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      {a.canResolve && openObjections.length > 1 ? (
        <Button
          id='objections-dismiss-all'
          size='small'
          disabled={busy}
          onClick={() => void run(() => call('aid', 'dismissObjections', { objectionIds: openObjections.map((o) => o.id), note: note.trim() || '经核实异议不成立' }), '已处理')}
        >
          {`${openObjections.length} 条异议全部不成立`}
        </Button>
      ) : null}
      {can('verify') || can('send_back') || can('reject') || (a.canResolve && openObjections.length > 0) ? (
        <>
          <Text className='aid-label'>说明（退回或不予资助时必填）</Text>
          <View data-testid='review-note' className='aid-field'>
            <Input value={note} onChange={setNote} />
          </View>
        </>
      ) : null}
      {can('approve') ? (
        <>
          <Text className='aid-label'>资助金额（元）</Text>
          <View data-testid='review-amount' className='aid-field'>
            <Input value={amount} type='digit' placeholder='默认为该学段标准' onChange={setAmount} />
          </View>
        </>
      ) : null}
      {can('mark_paid') ? (
        <>
          <Text className='aid-label'>发放凭证号（公示期满后登记）</Text>
          <View data-testid='paid-reference' className='aid-field'>
            <Input value={reference} onChange={setReference} />
          </View>
        </>
      ) : null}
      <View className='aid-actions'>
        {can('verify') ? <Button id='review-verify' type='primary' disabled={busy} onClick={() => void review('verify', '已核实')}>核实通过</Button> : null}
        {can('send_back') ? <Button id='review-send-back' disabled={busy} onClick={() => void review('send_back', '已退回')}>退回修改</Button> : null}
        {can('approve') ? <Button id='review-approve' type='primary' disabled={busy} onClick={() => void review('approve', '已批准')}>批准并公示</Button> : null}
        {can('reject') ? <Button id='review-reject' disabled={busy} onClick={() => void review('reject', '已处理')}>不予资助</Button> : null}
        {can('mark_paid') ? (
          <Button id='review-mark-paid' type='primary' disabled={busy} onClick={() => void run(() => call('aid', 'markPaid', { applicationId: a.id, paidOn: today(), reference: reference.trim() }), '已登记发放')}>
            登记已发放
          </Button>
        ) : null}
      </View>
      {a.status === 'approved' && a.amountFen !== null ? <Text className='aid-hint'>核定 {formatFen(a.amountFen)}</Text> : null}
    </View>
  )
}

/** Staff: the applications of their unions that they review, and the CSV export. */
export default function Review() {
  const list = useReviewList()
  const { items } = list
  const exporting = useAction('导出')
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  const programmeIds = [...new Set((items ?? []).map((a) => a.programmeId))]

  const exportCsv = (programmeId: string, rows: 'all' | 'payouts') =>
    exporting.run(async () => {
      const out = await call('aid', 'exportCsv', { programmeId, rows })
      if (out.csv !== null) {
        await saveTextFile(out.filename, out.csv)
        Taro.showToast({ title: `已导出 ${out.rows} 条`, icon: 'none' })
      } else if (out.url) {
        const how = await saveLinkedFile(out.filename, out.url)
        const title = how === 'copied' ? `已导出 ${out.rows} 条，下载链接已复制，10 分钟内有效` : `已导出 ${out.rows} 条`
        Taro.showToast({ title, icon: 'none', duration: 3000 })
      }
    })

  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(items)} onRetry={() => void list.reload()}>
      {items ? (
        <View className='aid-page'>
          {items.length === 0 && !list.nextCursor ? (
            <View className='aid-card' data-testid='review-empty'>
              <Text className='aid-card__text'>暂无需要你审核的助学申请。</Text>
            </View>
          ) : null}
          {items.map((a) => (
            <ReviewCard key={`${a.id}-${a.status}`} a={a} onDone={list.replace} />
          ))}
          <ListMore id='review-more' more={Boolean(list.nextCursor)} loading={list.loadingMore} onMore={() => void list.loadMore()} endText={items.length ? `已显示全部 ${items.length} 份申请` : null} endTestId='review-end' />
          {programmeIds.map((id) => (
            <View key={id} className='aid-actions'>
              <Button id={`export-${id}`} block disabled={exporting.busy} onClick={() => void exportCsv(id, 'all')}>
                导出申请名单（CSV，身份证号打码）
              </Button>
              <Button id={`export-payouts-${id}`} block disabled={exporting.busy} onClick={() => void exportCsv(id, 'payouts')}>
                导出发放名单（每笔一行：金额、学段、建档状态）
              </Button>
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  )
}
