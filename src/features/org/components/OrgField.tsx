import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'

interface Props {
  /** The field's name in the form's ids: `org-field-<field>`, its problem `org-error-<field>`. */
  field: string
  label: string
  hint?: string
  problem?: string
  ariaLabel?: string
  children: ReactNode
}

/** One field of the union form: label, control, hint, and its problem below. */
export function OrgField({ field, label, hint, problem, ariaLabel, children }: Props) {
  return (
    <View className='org-form__field' id={`org-field-${field}`} ariaLabel={ariaLabel}>
      <Text className='org-form__label'>{label}</Text>
      {children}
      {hint ? <Text className='org-form__hint'>{hint}</Text> : null}
      <OrgProblem field={field} message={problem} />
    </View>
  )
}

export function OrgProblem({ field, message }: { field: string; message: string | undefined }) {
  return message ? (
    <Text className='org-form__error' data-testid={`org-error-${field}`}>
      {message}
    </Text>
  ) : null
}
