import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Choices } from '@/components/Choices'
import { AddUnionInput, EditUnionInput, NewUnionCode, UNION_LEVEL_NAMES, type OrgUnion, type UnionLevel } from '@/domain/contract'
import { CloudError } from '@/domain/errors'
import { childLevels, levelProblem, regionPrefix, regionProblem } from '@/domain/unions'
import { parseInput } from '@/domain/validate'
import { call } from '@/services/cloud'
import { useRetryKey } from '@/services/ids'
import { revealFirstError } from '@/platform/revealError'
import '../org.scss'

type Field = 'name' | 'level' | 'regionCode' | 'code'
type Errors = Partial<Record<Field | '_', string>>

/** The fields as the form shows them, top down. */
const FIELD_ORDER: Field[] = ['name', 'level', 'regionCode', 'code']

interface Props {
  /** Adding: the union the new one goes below. */
  parent?: OrgUnion | null
  /** Editing: the union as it is. */
  union?: OrgUnion | null
  onSaved(union: OrgUnion): void
}

/** The contract's messages for the fields, or none. */
function schemaErrors(check: () => void): Errors {
  try {
    check()
    return {}
  } catch (e) {
    if (e instanceof CloudError) return (e.fields ?? { _: e.message }) as Errors
    throw e
  }
}

/**
 * (Taro's web input puts `ariaLabel` on its wrapper, not on the <input>: the placeholder, which screen
 * readers read as the field's name when nothing else names it, starts with the field's name too.)
 *
 * Adding a union below `parent`, or editing `union`: name, level (adding: only those that may sit
 * below the parent), region code, short code. Checked here before sending, by the contract's own
 * rules and the tree's (src/domain/unions.ts); the cloud checks again and its messages appear beside
 * the fields too.
 */
export function UnionForm({ parent = null, union = null, onSaved }: Props) {
  const adding = !union
  const levels = parent ? childLevels(parent.level) : []
  const [name, setName] = useState(union?.name ?? '')
  const [level, setLevel] = useState<UnionLevel | undefined>(levels.length === 1 ? levels[0] : undefined)
  // Adding: the parent's region as far as it binds the new union (a county's whole code, a city's first four digits).
  const [regionCode, setRegionCode] = useState(union?.regionCode ?? (parent ? regionPrefix(parent.level, parent.regionCode) : ''))
  const [code, setCode] = useState(union?.code ?? '')
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const retryKey = useRetryKey()

  const edit = <T,>(field: Field, set: (value: T) => void) => (value: T) => {
    set(value)
    setErrors((now) => ({ ...now, [field]: undefined, _: undefined }))
  }

  /** Every problem the app can see before sending. */
  const problems = (): Errors => {
    if (adding && parent) {
      const input = { parentId: parent.id, level: level ?? '', name, regionCode, code, idempotencyKey: 'checked-here' }
      const found = schemaErrors(() => parseInput(AddUnionInput, input))
      if (level && !found.level) found.level = levelProblem(level, parent) ?? undefined
      if (!found.regionCode) found.regionCode = regionProblem(regionCode.trim(), parent) ?? undefined
      return found
    }
    const found = schemaErrors(() => parseInput(EditUnionInput, { unionId: union?.id ?? '', name, regionCode, code }))
    // A changed code follows the rules for new codes (the one it has may come from an import).
    if (!found.code && union && code.trim().toLowerCase() !== union.code) found.code = schemaErrors(() => parseInput(NewUnionCode, code))._
    return found
  }

  const save = async () => {
    const local = Object.fromEntries(Object.entries(problems()).filter(([, message]) => message)) as Errors
    const first = FIELD_ORDER.map((field) => local[field]).find(Boolean) ?? local._
    if (first) {
      // The first problem (top down) also by the button: the field itself may be out of sight.
      setErrors({ ...local, _: first })
      revealFirstError('.org-form__error')
      return
    }
    setBusy(true)
    setErrors({})
    try {
      const adds = adding && parent ? { parentId: parent.id, level: level as UnionLevel, name, regionCode, code } : null
      const saved = adds
        ? await call('org', 'add', { ...adds, idempotencyKey: retryKey.key(adds) })
        : await call('org', 'edit', { unionId: (union as OrgUnion).id, name, regionCode, code })
      retryKey.settle()
      onSaved(saved)
    } catch (e) {
      const failure = e instanceof CloudError ? e : new CloudError('INTERNAL')
      retryKey.settle(failure)
      setErrors({ ...(failure.fields as Errors | undefined), _: failure.message })
    } finally {
      setBusy(false)
    }
  }

  const problem = (field: Field | '_') =>
    errors[field] ? (
      <Text className='org-form__error' data-testid={`org-error-${field}`}>
        {errors[field]}
      </Text>
    ) : null

  return (
    <View className='org-form' data-testid='union-form'>
      <Text className='org-title'>{adding ? `在「${parent?.name ?? ''}」下新增工会` : `修改「${union?.name ?? ''}」`}</Text>
      <View className='org-form__field' id='org-field-name'>
        <Text className='org-form__label'>工会名称</Text>
        <Input name='name' ariaLabel='工会名称' placeholder='工会名称，如：示例物流有限公司工会' value={name} onChange={edit('name', setName)} />
        {problem('name')}
      </View>
      {adding ? (
        <View className='org-form__field' id='org-field-level' ariaLabel='工会类别'>
          <Text className='org-form__label'>工会类别</Text>
          {levels.length ? (
            <Choices id='org-level' options={levels.map((l) => ({ value: l, label: UNION_LEVEL_NAMES[l] }))} value={level} onChange={edit('level', (l: string) => setLevel(l as UnionLevel))} />
          ) : (
            <Text className='org-form__hint'>「{parent?.name}」是{parent ? UNION_LEVEL_NAMES[parent.level] : ''}，下面不能再设工会</Text>
          )}
          {problem('level')}
        </View>
      ) : null}
      <View className='org-form__field' id='org-field-regionCode'>
        <Text className='org-form__label'>行政区划代码</Text>
        <Input name='regionCode' ariaLabel='行政区划代码，6 位数字' type='digit' maxLength={6} placeholder='行政区划代码，6 位数字，如 150102' value={regionCode} onChange={edit('regionCode', setRegionCode)} />
        <Text className='org-form__hint'>新会员的会员编号以它开头</Text>
        {problem('regionCode')}
      </View>
      <View className='org-form__field' id='org-field-code'>
        <Text className='org-form__label'>工会编码</Text>
        <Input name='code' ariaLabel='工会编码' placeholder='工会编码，如：hhht-xc-wl' value={code} onChange={edit('code', setCode)} />
        <Text className='org-form__hint'>
          {adding
            ? '印在入会二维码和链接上。只用小写字母、数字和“-”；一经使用，永不再分配给别的工会。'
            : '改码后，二维码和链接用新编码；已印出的旧二维码仍能打开本工会，旧编码也不再分配给别的工会。'}
        </Text>
        {problem('code')}
      </View>
      {problem('_')}
      <Button id='org-save' type='primary' block loading={busy} disabled={busy} onClick={() => void save()}>
        {adding ? '新增工会' : '保存修改'}
      </Button>
    </View>
  )
}
