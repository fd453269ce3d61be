import { useMemo } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { FigureTable } from '@domain/staff/figures'
import { chartOf } from '../charts'
import { FigureChart } from './FigureChart'

/** A table's ARIA roles on Taro's Text, which does not type them (the web build writes them out). */
const roleOf = (role: 'columnheader' | 'rowheader' | 'cell'): Record<string, unknown> => ({ role })

interface Props {
  table: FigureTable
  onDownload(table: FigureTable): void
}

/**
 * One figure: a table (label, then its columns). A figure people compare at a glance (charts.ts)
 * has a chart above its table; the others, for the `bar` column, a bar per row drawn with Views,
 * as long as its share of the largest row. The total row is not drawn: it would always be the
 * longest. The numbers stay in the table, so a picture is never the only way.
 */
export function FigureTableView({ table, onDownload }: Props) {
  const chart = useMemo(() => chartOf(table), [table])
  const bar = chart || table.bar === null ? null : table.bar
  const drawn = bar === null ? [] : table.rows.filter((r) => r.label !== '合计' && typeof r.values[bar] === 'number')
  const max = bar === null ? 0 : Math.max(0, ...drawn.map((r) => r.values[bar] as number))
  return (
    <View className='staff__card' data-testid={`figure-${table.key}`}>
      <View className='staff__bar'>
        <Text className='staff__heading'>{table.title}</Text>
        <Button id={`csv-${table.key}`} size='small' onClick={() => onDownload(table)}>
          下载 CSV
        </Button>
      </View>
      {chart ? <FigureChart spec={chart} /> : null}
      {/* It scrolls sideways on a narrow phone: focusable, so a keyboard can scroll it too (axe scrollable-region-focusable). */}
      <View className='staff__table' {...{ role: 'table', 'aria-label': table.title, tabIndex: 0 }}>
        <View className='staff__tr staff__tr--head' role='row'>
          <Text className='staff__th staff__td--label' {...roleOf('columnheader')}>
            名称
          </Text>
          {table.columns.map((c) => (
            <Text key={c} className='staff__th' {...roleOf('columnheader')}>
              {c}
            </Text>
          ))}
        </View>
        {table.rows.map((r) => (
          <View key={r.label} className='staff__tr' role='row' data-testid={`row-${table.key}-${r.label}`}>
            <Text className='staff__td staff__td--label' {...roleOf('rowheader')}>
              {r.label}
            </Text>
            {r.values.map((value, i) => (
              <Text key={table.columns[i]} className='staff__td' {...roleOf('cell')}>
                {value}
              </Text>
            ))}
          </View>
        ))}
        {table.rows.length ? null : <Text className='staff__muted'>本时段没有数据</Text>}
      </View>
      {bar !== null && max > 0 ? (
        <View className='staff__bars' aria-hidden>
          <Text className='staff__muted'>{table.columns[bar]}</Text>
          {drawn.map((r) => (
            <View key={r.label} className='staff__bar-row'>
              <Text className='staff__bar-label'>{r.label}</Text>
              <View className='staff__bar-track'>
                <View className='staff__bar-fill' style={{ width: `${((r.values[bar] as number) / max) * 100}%` }} />
              </View>
              <Text className='staff__bar-value'>{r.values[bar]}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
