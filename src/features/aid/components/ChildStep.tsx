import { View, Text } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import type { StepErrors } from '@domain/aid/steps'
import { SCHOOL_LEVELS, SCHOOL_LEVEL_NAMES, type SchoolLevel } from '@domain/aid/programme'
import { useAidDraft } from '../store'
import { Choices } from './Choices'
import { FieldError } from './FieldError'
import '../aid.scss'

/** Step 2: the child. The ID number is the page's (never in the draft). */
export function ChildStep({ amounts, idNumber, onIdNumber, errors }: { amounts: Partial<Record<SchoolLevel, number>>; idNumber: string; onIdNumber: (value: string) => void; errors: StepErrors }) {
  const draft = useAidDraft()
  const set = (change: Partial<typeof draft.child>) => draft.patch({ child: { ...draft.child, ...change } })
  return (
    <>
      <Text className='aid-label'>子女姓名</Text>
      <View data-testid='child-name' className='aid-field'>
        <Input value={draft.child.name} placeholder='与身份证一致' onChange={(name) => set({ name })} />
      </View>
      <FieldError field='name' errors={errors} />
      <Text className='aid-label'>录取学段</Text>
      <Choices name='level' options={SCHOOL_LEVELS.filter((l) => amounts[l] !== undefined).map((l) => [l, SCHOOL_LEVEL_NAMES[l]])} value={draft.child.level} onChange={(level) => set({ level })} />
      <FieldError field='level' errors={errors} />
      <Text className='aid-label'>子女身份证号</Text>
      <View data-testid='child-id' className='aid-field'>
        <Input value={idNumber} maxLength={18} placeholder='18 位' onChange={onIdNumber} />
      </View>
      <FieldError field='idNumber' errors={errors} />
      <Text className='aid-label'>与子女的关系</Text>
      <Choices name='relation' options={[['parent', '父母'], ['guardian', '其他监护人']]} value={draft.child.relation} onChange={(relation) => set({ relation })} />
      <FieldError field='relation' errors={errors} />
      <Text className='aid-label'>录取学校</Text>
      <View data-testid='child-school' className='aid-field'>
        <Input value={draft.child.school} placeholder='如：内蒙古大学（录取通知书上的校名）' onChange={(school) => set({ school })} />
      </View>
      <FieldError field='school' errors={errors} />
      <Text className='aid-label'>专业（选填）</Text>
      <View data-testid='child-major' className='aid-field'>
        <Input value={draft.child.major} placeholder='如：计算机科学与技术' onChange={(major) => set({ major })} />
      </View>
      <FieldError field='major' errors={errors} />
    </>
  )
}
