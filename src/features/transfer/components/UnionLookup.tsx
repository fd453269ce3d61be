import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { ActionOutput } from '@domain/contract'
import type { CloudError } from '@domain/errors'
import { unionFromScan, unionScanProblem } from '@domain/scan'
import { searchResults } from '@domain/transfer/start'
import { canScan, scanCode } from '@/platform/scan'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'

export type Preview = ActionOutput<'transfer', 'preview'>
type Found = ActionOutput<'member', 'searchUnions'>

interface Props {
  /** A union code the page was opened with (a union's QR link). */
  initialCode: string
  preview: Preview | null
  onPreview(preview: Preview | null): void
}

/** Step 1 of 发起转会: the receiving union, by its QR code, its code, or a search; the cloud's preview below. */
export function UnionLookup({ initialCode, preview, onPreview }: Props) {
  const [code, setCode] = useState(initialCode)
  const [keyword, setKeyword] = useState('')
  const [found, setFound] = useState<Found | null>(null)
  const [lookupError, setLookupError] = useState<string | null>(null)
  // A refused lookup is said under the fields, in the words for the field that was wrong when there are some.
  const shown = (field: string) => (failure: CloudError) => setLookupError(failure.fields?.[field] ?? failure.message)
  const previewing = useAction('查找', { inline: shown('toUnionId') })
  const searching = useAction('搜索', { inline: shown('keyword') })

  const choose = async (unionId: string) => {
    setLookupError(null)
    onPreview(null)
    await previewing.run(async () => {
      onPreview(await call('transfer', 'preview', { toUnionId: unionId.trim() }))
      setFound(null)
    })
  }

  /** In WeChat: scan the receiving union's 入会 QR poster, the same code joining uses. */
  const scan = async () => {
    const scanned = await scanCode()
    if (!scanned) return
    const meaning = unionFromScan(scanned)
    if (meaning.kind !== 'union') return void Taro.showToast({ title: unionScanProblem(meaning) ?? '', icon: 'none', duration: 2500 })
    setCode(meaning.code)
    await choose(meaning.code)
  }

  const search = async () => {
    setLookupError(null)
    await searching.run(async () => setFound(await call('member', 'searchUnions', { keyword })))
  }

  const results = found ? searchResults(found) : []
  return (
    <View className='transfer-start__section'>
      <Text className='transfer-start__label'>转入工会</Text>
      <Text className='transfer-start__hint'>扫新单位或属地工会的入会二维码会自动填入；也可输入工会编码（印在入会二维码下方），或按名称、地区查找。</Text>
      {canScan ? (
        <Button id='scan-union' type='primary' block onClick={() => void scan()}>
          扫描转入工会的二维码
        </Button>
      ) : null}
      <View className='transfer-start__row'>
        <Input id='union-code' className='transfer-start__input' value={code} placeholder='工会编码（见入会二维码下方）' ariaLabel='工会编码' onChange={setCode} />
        <Button id='lookup-union' size='small' type='primary' disabled={!code.trim() || previewing.busy} onClick={() => void choose(code)}>
          查找
        </Button>
      </View>
      <View className='transfer-start__row'>
        <Input id='union-keyword' className='transfer-start__input' value={keyword} placeholder='工会名称或地区，如 回民区' onChange={setKeyword} />
        <Button id='search-union' size='small' disabled={!keyword.trim() || searching.busy} onClick={() => void search()}>
          搜索
        </Button>
      </View>
      {found && !results.length ? <Text className='transfer-start__hint'>没有找到，请换个关键词。单位没有工会的，可转入属地或新业态工会联合会。</Text> : null}
      {results.map((union) => (
        <View key={union.id} id={`found-${union.id}`} className='transfer-start__found' onClick={() => void choose(union.id)}>
          <Text>{union.name}</Text>
          <Text className='transfer-start__hint'>{union.path.join(' › ')}</Text>
        </View>
      ))}
      {lookupError ? (
        <Text className='transfer-start__error' data-testid='lookup-error'>
          {lookupError}
        </Text>
      ) : null}
      {preview ? (
        <View className='transfer-start__preview' data-testid='transfer-preview'>
          <Text>从「{preview.fromUnion.name}」</Text>
          <Text className='transfer-start__to'>转入「{preview.toUnion.name}」</Text>
          <Text className='transfer-start__hint'>{preview.toUnionPath.join(' › ')}</Text>
        </View>
      ) : null}
    </View>
  )
}
