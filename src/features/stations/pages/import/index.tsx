import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { ImportRowReport } from '@domain/contract'
import { IMPORT_COLUMNS, IMPORT_LIMITS, ROW_OUTCOME_NAMES } from '@domain/stations/upkeep'
import { PageShell } from '@/components/PageShell'
import { pickCsv, type CsvSource } from '@/platform/csvFile'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import '../../stations.scss'
import './index.scss'

interface Checked {
  total: number
  good: number
  bad: number
  rows: ImportRowReport[]
}

function RowLine({ row }: { row: ImportRowReport }) {
  return (
    <View className={`import-row${row.ok ? '' : ' import-row--bad'}`} data-testid='import-row' data-ok={row.ok ? 'true' : 'false'}>
      <Text className='import-row__head'>
        第 {row.line} 行 · {row.code || '（无编码）'} · {row.ok && row.outcome ? ROW_OUTCOME_NAMES[row.outcome] : '不能导入'}
      </Text>
      {row.reasons.map((r) => (
        <Text key={r} className='import-row__reason'>
          {r}
        </Text>
      ))}
    </View>
  )
}

/** Where an apply got to: the next row to write and what was written so far (kept so 导入 again resumes). */
interface Progress {
  next: number
  total: number
  inserted: number
  updated: number
  unchanged: number
}

/**
 * 批量导入: a CSV (chosen, or pasted on the web) is checked by the cloud with the importer's rules;
 * the clerk reads the per-row report and only then taps 导入, which checks every row again and
 * writes only the good ones, a batch a call (WeChat's time limit) until done, showing how far it is.
 * A failed call keeps what was written: 导入 again goes on from there (a row written twice is no
 * change: the cloud judges rows by code).
 */
export default function ImportStationsPage() {
  const [text, setText] = useState('')
  const [source, setSource] = useState<CsvSource | null>(null)
  const [checked, setChecked] = useState<Checked | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const action = useAction('检查', { inline: (failure) => setMessage(failure.message) })
  const input = () => (source ? ('fileId' in source ? { fileId: source.fileId } : { csv: source.csv }) : { csv: text })

  const choose = () =>
    action.run(async () => {
      const picked = await pickCsv()
      if (!picked) return
      setSource(picked)
      if ('csv' in picked) setText(picked.csv)
      setChecked(null)
      setDone(null)
      setProgress(null)
    })
  const check = () =>
    action.run(async () => {
      setMessage(null)
      setDone(null)
      setProgress(null)
      setChecked(await call('stations', 'checkImport', input()))
    })
  const apply = () =>
    action.run(async () => {
      setMessage(null)
      let at = progress ?? { next: 0, total: checked?.total ?? 0, inserted: 0, updated: 0, unchanged: 0 }
      for (;;) {
        const batch = await call('stations', 'applyImport', { ...input(), from: at.next })
        const written = new Map(batch.rows.map((r) => [r.line, r]))
        setChecked((before) => ({ total: batch.total, good: batch.good, bad: batch.bad, rows: (before?.rows ?? []).map((r) => written.get(r.line) ?? r) }))
        at = { next: batch.next ?? batch.total, total: batch.total, inserted: at.inserted + batch.inserted, updated: at.updated + batch.updated, unchanged: at.unchanged + batch.unchanged }
        setProgress(at)
        if (batch.next === null) {
          setDone(`已导入：新增 ${at.inserted}，更新 ${at.updated}，未变 ${at.unchanged}，未导入 ${batch.bad}`)
          void Taro.showToast({ title: '已导入', icon: 'success' })
          return
        }
      }
    })

  const problem = (
    <Text className='station-report__message' data-testid='import-error' aria-live='assertive'>
      {message}
    </Text>
  )

  return (
    <PageShell>
      <View className='station-detail' data-testid='station-import'>
        <Text className='station-detail__label'>
          第一行为列名：{IMPORT_COLUMNS.join(',')}；一次最多 {IMPORT_LIMITS.maxRows} 行、2 MB。与命令行导入同样的规则：按站点编码新增或更新，只能导入本工会及下级工会的驿站。
        </Text>
        <Button id='import-choose' onClick={() => void choose()}>
          {source ? `已选：${source.name}（重新选择）` : '选择 CSV 文件'}
        </Button>
        {process.env.TARO_ENV === 'h5' ? (
          <Textarea
            id='import-text'
            className='station-report__note'
            placeholder='或把 CSV 内容粘贴在这里'
            maxlength={-1}
            value={text}
            onInput={(e) => {
              setText(e.detail.value)
              setSource(null)
              setChecked(null)
              setProgress(null)
            }}
          />
        ) : null}
        <Button id='import-check' type='primary' loading={action.busy} disabled={action.busy || (!source && !text.trim())} onClick={() => void check()}>
          检查
        </Button>
        {message && !checked ? problem : null}
        {checked ? (
          <View data-testid='import-report'>
            <Text className='station-detail__label' data-testid='import-summary'>
              {done ?? `共 ${checked.total} 行：可导入 ${checked.good} 行，不能导入 ${checked.bad} 行`}
            </Text>
            {checked.rows.map((r) => (
              <RowLine key={r.line} row={r} />
            ))}
            {/* Beside the button, which a long report puts far below the summary. */}
            {progress && !done ? (
              <Text className='station-detail__label' data-testid='import-progress' aria-live='polite'>
                已导入 {progress.next} / 共 {progress.total} 行{action.busy ? '，正在导入…' : '，未完成：再点“继续导入”接着导入'}
              </Text>
            ) : null}
            {/* A failed import says why where the button is, not above a long report. */}
            {message ? problem : null}
            {!done && checked.good ? (
              <Button id='import-apply' type='primary' block loading={action.busy} disabled={action.busy} onClick={() => void apply()}>
                {progress ? '继续导入' : `导入 ${checked.good} 行`}
              </Button>
            ) : null}
          </View>
        ) : null}
      </View>
    </PageShell>
  )
}
