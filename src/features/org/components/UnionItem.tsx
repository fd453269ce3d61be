import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { UNION_LEVEL_NAMES, type OrgUnion } from '@domain/contract'
import { childLevels, JOINABLE_LEVELS, UNION_STATUS_NAMES } from '@domain/unions'
import { formatDate } from '@domain/format'
import { addPage, closePage, editPage, pendingText, posterPage } from '../finish'

const go = (url: string) => void Taro.navigateTo({ url })

/** One union in 组织管理: what it is, where it sits, and what the clerk may do with it. */
export function UnionItem({ union, finishing, onFinish }: { union: OrgUnion; finishing: boolean; onFinish(union: OrgUnion): void }) {
  const open = union.status !== 'closed'
  const active = union.status === 'active'
  const pending = pendingText(union)
  return (
    <View className={`org-item${open ? '' : ' org-item--closed'}`} data-testid={`org-union-${union.id}`}>
      <Text className='org-item__name'>{union.name}</Text>
      <Text className='org-item__status'>
        {UNION_LEVEL_NAMES[union.level]} · {UNION_STATUS_NAMES[union.status]}
        {union.closedAt ? `（${formatDate(union.closedAt)}）` : ''}
        {union.own ? ' · 你任职的工会' : ''}
      </Text>
      <Text className='org-item__meta'>
        工会编码 {union.code} · 行政区划 {union.regionCode}
      </Text>
      <Text className='org-item__path'>{union.path.join(' › ')}</Text>
      {pending ? <Text className='org-item__pending'>{pending}</Text> : null}
      <View className='org-item__actions'>
        {pending ? (
          <Button id={`org-finish-${union.id}`} type='primary' loading={finishing} disabled={finishing} ariaLabel={`继续：${pending}`} onClick={() => onFinish(union)}>
            继续
          </Button>
        ) : null}
        {active && childLevels(union.level).length ? (
          <Button id={`org-add-${union.id}`} ariaLabel={`在${union.name}下新增工会`} onClick={() => go(addPage(union.id))}>
            新增下级
          </Button>
        ) : null}
        {active && JOINABLE_LEVELS.includes(union.level) ? (
          <Button id={`org-poster-${union.id}`} ariaLabel={`${union.name}的入会二维码`} onClick={() => go(posterPage(union.id))}>
            入会二维码
          </Button>
        ) : null}
        {open ? (
          <Button id={`org-edit-${union.id}`} ariaLabel={`修改${union.name}`} onClick={() => go(editPage(union.id))}>
            修改
          </Button>
        ) : null}
        {open && !union.own && union.parentId ? (
          <Button id={`org-close-${union.id}`} type='danger' fill='outline' ariaLabel={`撤销${union.name}`} onClick={() => go(closePage(union.id))}>
            撤销
          </Button>
        ) : null}
      </View>
    </View>
  )
}
