import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { FullScreenMessage } from '@/components/FullScreenMessage'
import type { OrgUnion } from '@domain/contract'
import { asCloudError } from '@domain/errors'
import { JOINABLE_LEVELS } from '@domain/unions'
import { useCloud } from '@/services/useCloud'
import { UnionForm } from '../../components/UnionForm'
import { finishAll, pendingText, posterPage } from '../../finish'
import '../../org.scss'

const param = (value: string | undefined) => (value ? decodeURIComponent(value) : null)

/** What was saved, and where to go next: the new union's poster (it takes members at once), or back. */
function Saved({ union, added, onAnother }: { union: OrgUnion; added: boolean; onAnother(): void }) {
  const joinable = union.status === 'active' && JOINABLE_LEVELS.includes(union.level)
  const pending = pendingText(union)
  return (
    <View className='org-done' data-testid='org-saved'>
      <Text className='org-done__title'>{added ? `已新增「${union.name}」` : '已保存'}</Text>
      <Text className='org-done__text'>工会编码 {union.code}</Text>
      {added && joinable ? <Text className='org-done__text'>现在就可以打印入会二维码，职工扫码即可申请入会。</Text> : null}
      {pending ? <Text className='org-done__text'>{pending}，请稍候…</Text> : null}
      {joinable ? (
        <Button id='org-saved-poster' type='primary' block onClick={() => void Taro.redirectTo({ url: posterPage(union.id) })}>
          打印入会二维码
        </Button>
      ) : null}
      {added ? (
        <Button id='org-saved-another' block onClick={onAnother}>
          再新增一个
        </Button>
      ) : null}
      <Button id='org-saved-back' block onClick={() => void Taro.navigateBack()}>
        返回组织管理
      </Button>
    </View>
  )
}

/** 新增工会 (`?parent=<id>`, below that union) or 修改工会 (`?id=<id>`). */
export default function EditUnion() {
  const router = useRouter()
  const unionId = param(router.params.id)
  const parentId = param(router.params.parent)
  const target = useCloud('org', 'get', { unionId: unionId ?? parentId ?? '' }, Boolean(unionId ?? parentId))
  const [saved, setSaved] = useState<OrgUnion | null>(null)
  const [round, setRound] = useState(0)

  const onSaved = (union: OrgUnion) => {
    setSaved(union)
    // A rename reaching many unions below: go on until they all follow.
    if (union.pending) {
      finishAll(union, setSaved).catch((e) => Taro.showToast({ title: asCloudError(e, '下级工会稍后会更新').message, icon: 'none', duration: 3000 }))
    }
  }

  if (!unionId && !parentId) {
    return (
      <PageShell>
        <FullScreenMessage testId='org-no-union' title='没有指定工会' detail='请从“组织管理”进入。' />
      </PageShell>
    )
  }
  return (
    <PageShell error={target.error} loading={target.loading} hasData={Boolean(target.data)} onRetry={() => void target.reload()}>
      <View className='org'>
        {saved ? (
          <Saved
            union={saved}
            added={Boolean(parentId)}
            onAnother={() => {
              setSaved(null)
              setRound((n) => n + 1)
            }}
          />
        ) : target.data ? (
          <UnionForm key={round} parent={parentId ? target.data : null} union={unionId ? target.data : null} onSaved={onSaved} />
        ) : null}
      </View>
    </PageShell>
  )
}
