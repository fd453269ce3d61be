import { View, Text } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import type { StepErrors } from '@domain/aid/steps'
import { SCHOOL_LEVELS, SCHOOL_LEVEL_NAMES, type Amounts } from '@domain/aid/programme'
import { useAidDraft } from '../store'
import { Choices } from './Choices'
import { FieldError } from './FieldError'
import '../aid.scss'

interface Props {
  amounts: Amounts
  /** The programme year; set when it also funds students already enrolled (the admission year is asked). */
  enrolledSince: number | null
  /** A renewal or correction: the ID number may be left empty (the cloud keeps it). */
  keepsId: boolean
  idNumber: string
  onIdNumber: (value: string) => void
  errors: StepErrors
}

/** Step 2: the child. The ID number is the page's (never in the draft). */
export function ChildStep({ amounts, enrolledSince, keepsId, idNumber, onIdNumber, errors }: Props) {
  const draft = useAidDraft()
  const set = (change: Partial<typeof draft.child>) => draft.patch({ child: { ...draft.child, ...change } })
  return (
    <>
      <Text className='aid-label'>子女姓名</Text>
      <View data-testid='child-name' className='aid-field'>
        <Input value={draft.child.name} placeholder='与身份证一致' onChange={(name) => set({ name })} />
      </View>
      <FieldError field='name' errors={errors} />
      {enrolledSince ? (
        <>
          <Text className='aid-label'>入学年份</Text>
          <Choices
            name='admission-year'
            options={[0, 1, 2, 3].map((back) => [String(enrolledSince - back), `${enrolledSince - back} 年${back === 0 ? '（今年新录取）' : ''}`])}
            value={String(draft.child.admissionYear ?? enrolledSince)}
            onChange={(year) => set({ admissionYear: Number(year) })}
          />
        </>
      ) : null}
      <Text className='aid-label'>学段</Text>
      <Choices name='level' options={SCHOOL_LEVELS.filter((l) => amounts[l] !== undefined).map((l) => [l, SCHOOL_LEVEL_NAMES[l]])} value={draft.child.level} onChange={(level) => set({ level })} />
      <FieldError field='level' errors={errors} />
      <Text className='aid-label'>子女身份证号</Text>
      <View data-testid='child-id' className='aid-field'>
        <Input value={idNumber} maxLength={18} placeholder={keepsId ? '不变可不填（沿用上次的身份证号）' : '18 位'} onChange={onIdNumber} />
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
