import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Choices } from '@/components/Choices'
import type { ActionOutput } from '@domain/contract'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { saveLinkedFile, saveTextFile } from '@/platform/download'
import '../../ledger.scss'

const KINDS = [
  { value: 'joins', label: '入会台账' },
  { value: 'transfers', label: '转会台账' },
  { value: 'members', label: '会员名册' },
] as const
type Kind = (typeof KINDS)[number]['value']

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * 台账导出: joins, transfers or members of the clerk's unions as a CSV file (ID numbers masked). On
 * the web the file downloads; in WeChat the cloud puts it in cloud storage and a tap sends it to a
 * chat (文件传输助手 opens it on a computer) — a second tap, since WeChat shares a file only from one.
 */
export default function LedgerExports() {
  const [kind, setKind] = useState<Kind>('joins')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [made, setMade] = useState<ActionOutput<'review', 'exportLedger'> | null>(null)
  const exporting = useAction('导出', { inline: (failure) => setProblem(failure.message) })

  const run = () => {
    if ([from, to].some((d) => d && !DAY.test(d))) return setProblem('日期格式应为 YYYY-MM-DD，例如 2026-11-23')
    setProblem(null)
    setMade(null)
    void exporting.run(async () => {
      const out = await call('review', 'exportLedger', { kind, ...(from ? { from } : {}), ...(to ? { to } : {}) })
      if (out.csv !== null) {
        await saveTextFile(out.filename, out.csv)
        Taro.showToast({ title: `已导出 ${out.rows} 条`, icon: 'none' })
      }
      setMade(out)
    })
  }

  const share = async (out: ActionOutput<'review', 'exportLedger'>) => {
    if (!out.url) return
    const how = await saveLinkedFile(out.filename, out.url)
    Taro.showToast({ title: how === 'copied' ? '下载链接已复制，10 分钟内有效' : '已发送', icon: 'none', duration: 3000 })
  }

  return (
    <View className='ledger' data-testid='ledger-exports'>
      <View className='ledger__card'>
        <Text className='ledger__label'>导出哪一本台账</Text>
        <Choices id='export-kind' options={KINDS} value={kind} onChange={(value) => setKind(value as Kind)} />
        <Text className='ledger__label'>日期（含起止日，可不填）</Text>
        <View className='ledger__row'>
          <Input id='export-from' className='ledger__input' placeholder='起 YYYY-MM-DD' aria-label='开始日期' value={from} onInput={(e) => setFrom(e.detail.value)} />
          <Input id='export-to' className='ledger__input' placeholder='止 YYYY-MM-DD' aria-label='结束日期' value={to} onInput={(e) => setTo(e.detail.value)} />
        </View>
        <Text className='ledger__muted'>包含本工会及下级工会；身份证号已遮蔽。每次导出都会记入操作记录。</Text>
        {problem ? (
          <Text className='ledger__problem' data-testid='export-problem'>
            {problem}
          </Text>
        ) : null}
        <Button id='export-run' className='ledger__action' type='primary' block loading={exporting.busy} disabled={exporting.busy} onClick={run}>
          导出 CSV
        </Button>
      </View>
      {made ? (
        <View className='ledger__card' data-testid='export-done'>
          <Text className='ledger__text'>
            {made.filename}：共 {made.rows} 条
          </Text>
          {made.url ? (
            <Button id='export-share' className='ledger__action' block onClick={() => void share(made)}>
              发送文件到聊天
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
