import { View, Text, Input, Textarea } from '@tarojs/components'

/** A field's problem, in the contract's words, under it. */
export function OfferProblem({ message }: { message: string | undefined }) {
  return message ? <Text className='bf__tag bf__tag--warn'>{message}</Text> : null
}

interface TextFieldProps {
  /** The element id (`offer-<key>`), for tests and the page's own links. */
  id: string
  label: string
  value: string
  problem?: string
  placeholder?: string
  type?: 'number' | 'text'
  multiline?: boolean
  onChange(value: string): void
}

/** One typed field of the offer form, its label above, its problem below. */
export function OfferTextField({ id, label, value, problem, placeholder, type = 'text', multiline = false, onChange }: TextFieldProps) {
  return (
    <View className='bf__field'>
      <Text className='bf__muted'>{label}</Text>
      {multiline ? (
        <Textarea id={id} className='bf__input' placeholder={placeholder ?? label} value={value} onInput={(e) => onChange(e.detail.value)} />
      ) : (
        <Input id={id} className='bf__input' type={type} placeholder={placeholder ?? label} value={value} onInput={(e) => onChange(e.detail.value)} />
      )}
      <OfferProblem message={problem} />
    </View>
  )
}

interface ChipFieldProps<T extends string> {
  label: string
  values: readonly T[]
  current: T
  /** The chips' ids as `<idPrefix>-<value>` (`-all` for the empty value); none without it. */
  idPrefix?: string
  name?(value: T): string
  onPick(value: T): void
}

/** A short list of choices shown whole: one tap picks. */
export function OfferChipField<T extends string>({ label, values, current, idPrefix, name = (v) => v, onPick }: ChipFieldProps<T>) {
  return (
    <View className='bf__field'>
      <Text className='bf__muted'>{label}</Text>
      <View className='bf__chips bf__chips--wrap'>
        {values.map((v) => (
          <Text key={v} id={idPrefix ? `${idPrefix}-${v || 'all'}` : undefined} className={`bf__chip${v === current ? ' bf__chip--on' : ''}`} onClick={() => onPick(v)}>
            {name(v)}
          </Text>
        ))}
      </View>
    </View>
  )
}
