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

/**
 * 批量导入: a CSV (chosen, or pasted on the web) is checked by the cloud with the importer's rules;
 * the clerk reads the per-row report and only then taps 导入, which checks every row again and
 * writes only the good ones.
 */
export default function ImportStationsPage() {
  const [text, setText] = useState('')
  const [source, setSource] = useState<CsvSource | null>(null)
  const [checked, setChecked] = useState<Checked | null>(null)
  const [done, setDone] = useState<string | null>(null)
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
    })
  const check = () =>
    action.run(async () => {
      setMessage(null)
      setDone(null)
      setChecked(await call('stations', 'checkImport', input()))
    })
  const apply = () =>
    action.run(async () => {
      setMessage(null)
      const result = await call('stations', 'applyImport', input())
      setChecked(result)
      setDone(`已导入：新增 ${result.inserted}，更新 ${result.updated}，未变 ${result.unchanged}，未导入 ${result.bad}`)
      void Taro.showToast({ title: '已导入', icon: 'success' })
    })

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
            }}
          />
        ) : null}
        <Button id='import-check' type='primary' loading={action.busy} disabled={action.busy || (!source && !text.trim())} onClick={() => void check()}>
          检查
        </Button>
        {message ? (
          <Text className='station-report__message' data-testid='import-error'>
            {message}
          </Text>
        ) : null}
        {checked ? (
          <View data-testid='import-report'>
            <Text className='station-detail__label' data-testid='import-summary'>
              {done ?? `共 ${checked.total} 行：可导入 ${checked.good} 行，不能导入 ${checked.bad} 行`}
            </Text>
            {checked.rows.map((r) => (
              <RowLine key={r.line} row={r} />
            ))}
            {!done && checked.good ? (
              <Button id='import-apply' type='primary' block disabled={action.busy} onClick={() => void apply()}>
                导入 {checked.good} 行
              </Button>
            ) : null}
          </View>
        ) : null}
      </View>
    </PageShell>
  )
}
