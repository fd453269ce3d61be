import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Choices } from '@/components/Choices'
import { UNION_LEVEL_NAMES, type OrgUnion, type UnionLevel } from '@domain/contract'
import { checkAddUnion, checkEditUnion, initialUnionForm, type UnionFormField, type UnionFormProblems } from '@domain/org/unionForm'
import { childLevels } from '@domain/unions'
import { call } from '@/services/cloud'
import { useRetryKey } from '@/services/ids'
import { useAction } from '@/services/useAction'
import { revealFirstError } from '@/platform/revealError'
import { OrgField, OrgProblem } from './OrgField'
import '../org.scss'

interface Props {
  /** Adding: the union the new one goes below. */
  parent?: OrgUnion | null
  /** Editing: the union as it is. */
  union?: OrgUnion | null
  onSaved(union: OrgUnion): void
}

/**
 * (Taro's web input puts `ariaLabel` on its wrapper, not on the <input>: the placeholder, which screen
 * readers read as the field's name when nothing else names it, starts with the field's name too.)
 *
 * Adding a union below `parent`, or editing `union`: name, level (adding: only those that may sit
 * below the parent), region code, short code. Checked here before sending (domain/org/unionForm.ts);
 * the cloud checks again and its messages appear beside the fields too.
 */
export function UnionForm({ parent = null, union = null, onSaved }: Props) {
  const adding = !union
  const levels = parent ? childLevels(parent.level) : []
  const [initial] = useState(() => initialUnionForm(parent, union))
  const [name, setName] = useState(initial.name)
  const [level, setLevel] = useState<UnionLevel | undefined>(initial.level)
  const [regionCode, setRegionCode] = useState(initial.regionCode)
  const [code, setCode] = useState(initial.code)
  const [errors, setErrors] = useState<UnionFormProblems>({})
  // A request sent again after a lost answer is the same request (src/services/ids.ts).
  const retryKey = useRetryKey()

  /** The one place a refused form is shown, whether the app or the cloud found the problems. */
  const showProblems = (problems: UnionFormProblems) => {
    setErrors(problems)
    revealFirstError('.org-form__error')
  }
  const { busy, run } = useAction('保存', {
    inline: (failure) => showProblems({ ...(failure.fields as UnionFormProblems | undefined), _: failure.message }),
    onError: (failure) => retryKey.settle(failure),
  })

  const edit = <T,>(field: UnionFormField, set: (value: T) => void) => (value: T) => {
    set(value)
    setErrors((now) => ({ ...now, [field]: undefined, _: undefined }))
  }

  const save = async () => {
    const values = { name, level, regionCode, code }
    const local = adding && parent ? checkAddUnion(values, parent) : union ? checkEditUnion(values, union) : {}
    if (local._) return showProblems(local)
    setErrors({})
    await run(async () => {
      const adds = adding && parent ? { parentId: parent.id, level: level as UnionLevel, name, regionCode, code } : null
      const saved = adds
        ? await call('org', 'add', { ...adds, idempotencyKey: retryKey.key(adds) })
        : await call('org', 'edit', { unionId: (union as OrgUnion).id, name, regionCode, code })
      retryKey.settle()
      onSaved(saved)
    })
  }

  return (
    <View className='org-form' data-testid='union-form'>
      <Text className='org-title'>{adding ? `在「${parent?.name ?? ''}」下新增工会` : `修改「${union?.name ?? ''}」`}</Text>
      <OrgField field='name' label='工会名称' problem={errors.name}>
        <Input name='name' ariaLabel='工会名称' placeholder='工会名称，如：示例物流有限公司工会' value={name} onChange={edit('name', setName)} />
      </OrgField>
      {adding ? (
        <OrgField field='level' label='工会类别' ariaLabel='工会类别' problem={errors.level}>
          {levels.length ? (
            <Choices id='org-level' options={levels.map((l) => ({ value: l, label: UNION_LEVEL_NAMES[l] }))} value={level} onChange={edit('level', (l: string) => setLevel(l as UnionLevel))} />
          ) : (
            <Text className='org-form__hint'>「{parent?.name}」是{parent ? UNION_LEVEL_NAMES[parent.level] : ''}，下面不能再设工会</Text>
          )}
        </OrgField>
      ) : null}
      <OrgField field='regionCode' label='行政区划代码' hint='新会员的会员编号以它开头' problem={errors.regionCode}>
        <Input name='regionCode' ariaLabel='行政区划代码，6 位数字' type='digit' maxLength={6} placeholder='行政区划代码，6 位数字，如 150102' value={regionCode} onChange={edit('regionCode', setRegionCode)} />
      </OrgField>
      <OrgField
        field='code'
        label='工会编码'
        problem={errors.code}
        hint={
          adding
            ? '印在入会二维码和链接上。只用小写字母、数字和“-”；一经使用，永不再分配给别的工会。'
            : '改码后，二维码和链接用新编码；已印出的旧二维码仍能打开本工会，旧编码也不再分配给别的工会。'
        }
      >
        <Input name='code' ariaLabel='工会编码' placeholder='工会编码，如：hhht-xc-wl' value={code} onChange={edit('code', setCode)} />
      </OrgField>
      <OrgProblem field='_' message={errors._} />
      <Button id='org-save' type='primary' block loading={busy} disabled={busy} onClick={() => void save()}>
        {adding ? '新增工会' : '保存修改'}
      </Button>
    </View>
  )
}
