import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { Choices } from '@/components/Choices'
import { asCloudError } from '@domain/errors'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { useMayCall } from '@/services/useMayCall'
import { PosterCode } from '../../components/PosterCode'
import { usePosterUnions, type PosterUnion } from '../../usePosterUnions'
import '../../join.scss'

const APPROVAL = [
  { value: 'manual', label: '逐个审核' },
  { value: 'auto', label: '提交即通过' },
] as const

/**
 * Union staff print a union's join QR (扫码入会 poster; print-friendly: the code, the name, one
 * line) and choose whether its applications need a clerk or are approved at once. Below it, the
 * unions of their subtree that take members: found by name or region, 50 at a time.
 */
export default function Poster() {
  const signedIn = useMayCall('review', 'posterUnions')
  const list = usePosterUnions()
  const { unions } = list
  const [picked, setPicked] = useState<PosterUnion | null>(null)
  // Opened for one union (`?union=<id>`, e.g. one just added in 组织管理): its poster first.
  const wanted = useRouter().params.union
  useEffect(() => {
    if (!wanted || !signedIn) return
    call('review', 'posterUnions', { unionId: decodeURIComponent(wanted) })
      .then((page) => page.unions[0] && setPicked(page.unions[0]))
      .catch((e) => Taro.showToast({ title: asCloudError(e, '没有找到这个工会').message, icon: 'none', duration: 3000 }))
  }, [wanted, signedIn])
  const [typed, setTyped] = useState('')
  const { busy: saving, run } = useAction('保存审核方式')
  // The poster shows the first union until another is picked, and stays on it whatever the list below shows.
  const union = picked ?? unions?.[0] ?? null
  useEffect(() => {
    if (!picked && !wanted && unions?.length) setPicked(unions[0])
  }, [picked, wanted, unions])
  // One union and nothing searched: nothing to choose from.
  const choosing = Boolean(unions && (unions.length > 1 || list.next || list.keyword))

  const pick = (u: PosterUnion) => {
    setPicked(u)
    // Back up to the poster, which now shows the union picked.
    Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
  }

  const setApproval = async (value: string) => {
    if (!union || saving || (value === 'auto') === union.autoApprove) return
    await run(async () => {
      const saved = await call('review', 'setAutoApprove', { unionId: union.id, autoApprove: value === 'auto' })
      const changed = { ...union, autoApprove: saved.autoApprove }
      setPicked(changed)
      list.replace(changed)
      Taro.showToast({ title: saved.autoApprove ? '已设为提交即通过' : '已设为逐个审核', icon: 'none' })
    })
  }

  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(unions)} onRetry={() => void list.reload()}>
      <View className='join'>
        {union ? (
          <>
            <View className='join-card__qr' data-testid='join-poster'>
              <Text className='join-union__name'>{union.name}</Text>
              <Text className='join-card__hint'>扫码加入工会</Text>
              <PosterCode unionId={union.id} code={union.code} />
            </View>
            <View className='join-poster__settings' data-testid='auto-approve'>
              <Text className='join-find__hint'>入会申请</Text>
              <Choices id='auto-approve' options={APPROVAL} value={union.autoApprove ? 'auto' : 'manual'} onChange={(value) => void setApproval(value)} />
              <Text className='join-card__hint'>
                {union.autoApprove ? '申请提交后立即成为会员，无需人工审核；每次通过都有记录。' : '申请由本工会或上级工会工作人员审核后通过。'}
              </Text>
            </View>
          </>
        ) : unions && !list.keyword && !unions.length ? (
          <Text className='join-find__hint'>你所在工会及下级中没有可直接接收会员的工会</Text>
        ) : null}
        {choosing && unions ? (
          <View className='join-find join-poster__pick' data-testid='poster-unions'>
            <Text className='join-find__title'>{union ? '换一个工会' : '选择工会'}</Text>
            <View className='join-find__row' id='field-poster-keyword'>
              <Input name='posterKeyword' placeholder='按名称或地区查找，如：速递、新城区' value={typed} confirmType='search' onChange={setTyped} onConfirm={() => list.search(typed)} />
              {/* Never disabled while a search runs: a newer search overtakes it (the older answer is dropped). */}
              <Button id='poster-search' size='small' onClick={() => list.search(typed)}>
                查找
              </Button>
            </View>
            {list.loading ? <Text className='join-find__hint' data-testid='poster-searching'>正在查找…</Text> : null}
            {list.keyword && !unions.length ? <Text className='join-find__hint' data-testid='poster-none'>没有找到“{list.keyword}”，可换个关键词</Text> : null}
            {unions.map((u) => {
              const current = u.id === union?.id
              return (
                <View key={u.id} id={`poster-pick-${u.id}`} className={`join-find__item${current ? ' join-find__item--on' : ''}`} onClick={() => pick(u)}>
                  <Text className='join-find__name'>
                    {u.name}
                    {current ? '（当前）' : ''}
                  </Text>
                  <Text className='join-find__path'>{u.path.join(' › ')}</Text>
                </View>
              )
            })}
            {list.next ? (
              <Button id='poster-more' block loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
                {list.loadingMore ? '加载中…' : '加载更多'}
              </Button>
            ) : unions.length ? (
              <Text className='join-find__hint' data-testid='poster-end'>
                {list.keyword ? `找到 ${unions.length} 个工会` : `共 ${unions.length} 个工会`}
              </Text>
            ) : null}
          </View>
        ) : null}
      </View>
    </PageShell>
  )
}
