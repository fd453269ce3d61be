import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Choices } from '@/components/Choices'
import { PageShell } from '@/components/PageShell'
import type { ActionInput } from '@domain/contract'
import { csvText } from '@domain/csv'
import { FIGURE_PERIOD_NAMES, FIGURE_PERIODS, tableRows, type FigurePeriod, type FigureTable } from '@domain/staff/figures'
import { asCloudError } from '@domain/errors'
import { saveTextFile } from '@/platform/download'
import { useCloud } from '@/services/useCloud'
import { FigureTableView } from '../../components/FigureTableView'
import '../../staff.scss'

const PERIOD_OPTIONS = FIGURE_PERIODS.map((p) => ({ value: p, label: FIGURE_PERIOD_NAMES[p] }))

/**
 * 统计: the caller's union and the unions directly below it over this month, this year or a range
 * they choose: each figure as a table with bars, and each table (or all of them) as a CSV file.
 */
export default function Figures() {
  const [period, setPeriod] = useState<FigurePeriod>('month')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [asked, setAsked] = useState<ActionInput<'review', 'figures'>>({ period: 'month' })
  const figures = useCloud('review', 'figures', asked)
  const data = figures.data

  const choose = (value: string) => {
    setPeriod(value as FigurePeriod)
    if (value !== 'custom') setAsked({ period: value as FigurePeriod })
  }
  const download = async (tables: FigureTable[], name: string) => {
    if (!data) return
    const rows = tables.flatMap((t, i) => [...(i ? [[]] : []), ...(tables.length > 1 ? [[t.title]] : []), ...tableRows(t)])
    try {
      await saveTextFile(`${data.union.name}-${name}-${data.from}至${data.to}.csv`, csvText(rows))
      Taro.showToast({ title: process.env.TARO_ENV === 'weapp' ? '已复制，可粘贴到电脑' : '已下载', icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: asCloudError(e).message, icon: 'none' })
    }
  }

  return (
    <View className='staff' data-testid='figures'>
      <View className='staff__card'>
        <Choices id='figures-period' options={PERIOD_OPTIONS} value={period} onChange={choose} />
        {period === 'custom' ? (
          <View className='staff__range'>
            <Input id='figures-from' className='staff__input' placeholder='开始日期，如 2026-01-01' aria-label='开始日期' value={from} maxlength={10} onInput={(e) => setFrom(e.detail.value)} />
            <Input id='figures-to' className='staff__input' placeholder='结束日期，如 2026-12-31' aria-label='结束日期' value={to} maxlength={10} onInput={(e) => setTo(e.detail.value)} />
            <Button id='figures-query' type='primary' size='small' onClick={() => setAsked({ period: 'custom', from: from.trim(), to: to.trim() })}>
              查询
            </Button>
          </View>
        ) : null}
      </View>
      <PageShell error={figures.error} loading={figures.loading} hasData={Boolean(data)} onRetry={() => void figures.reload()}>
        {data ? (
          <View>
            <View className='staff__bar'>
              <Text className='staff__heading' data-testid='figures-title'>
                {data.union.name} · {data.from} 至 {data.to}
              </Text>
              <Button id='csv-all' size='small' onClick={() => void download(data.tables, '全部统计')}>
                全部下载
              </Button>
            </View>
            {data.tables.map((t) => (
              <FigureTableView key={t.key} table={t} onDownload={(table) => void download([table], table.title)} />
            ))}
          </View>
        ) : null}
      </PageShell>
    </View>
  )
}
