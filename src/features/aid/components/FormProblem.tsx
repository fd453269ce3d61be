import { Text } from '@tarojs/components'
import '../aid.scss'

/** What is wrong with the form, in words, under it (or nothing). */
export function FormProblem({ problem }: { problem: string | null }) {
  return problem ? (
    <Text className='aid-error' data-testid='form-problem'>
      {problem}
    </Text>
  ) : null
}
