import { Text } from '@tarojs/components'
import type { ApplyField, StepErrors } from '@domain/aid/steps'
import '../aid.scss'

/** A field's own problem, under it; gone as soon as the field is right. */
export function FieldError({ field, errors }: { field: ApplyField; errors: StepErrors }) {
  const message = errors[field]
  return message ? (
    <Text className='aid-error' data-testid={`error-${field}`}>
      {message}
    </Text>
  ) : null
}
