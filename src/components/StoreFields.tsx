import { View, Text, Input } from '@tarojs/components'
import { BLANK_STORE, MAX_STORES, type StoreDraft } from '@domain/merchants/storeDrafts'
import './StoreFields.scss'

// The drafts' rules are pure (domain/merchants/storeDrafts.ts); the forms that show this import them from here too.
export { BLANK_STORE, MAX_STORES, draftsOf, isBlank, storesOf, type StoreDraft } from '@domain/merchants/storeDrafts'

const LABELS: Record<keyof StoreDraft, string> = { name: '门店名称', address: '门店地址', latitude: '纬度，如 40.8414', longitude: '经度，如 111.7522' }

/**
 * The stores of an offer (福利管理) or a merchant (商户管理): name, address and a point on the map
 * (GCJ-02), one to twenty. `errors` are the contract's messages keyed by path (`stores.1.latitude`).
 */
export function StoreFields({ stores, onChange, errors }: { stores: StoreDraft[]; onChange: (stores: StoreDraft[]) => void; errors: Record<string, string> }) {
  const setStore = (i: number, patch: Partial<StoreDraft>) => onChange(stores.map((st, j) => (j === i ? { ...st, ...patch } : st)))
  return (
    <View className='store-fields'>
      <Text className='store-fields__hint'>适用门店（纬度、经度用 GCJ-02，可在地图上取点）</Text>
      {stores.map((st, i) => (
        <View key={i} className='store-fields__store' data-testid='store-row'>
          <View className='store-fields__row'>
            <Text className='store-fields__hint'>门店 {i + 1}</Text>
            {stores.length > 1 ? (
              <Text id={`store-remove-${i}`} className='store-fields__chip' onClick={() => onChange(stores.filter((_, j) => j !== i))}>
                删除门店 {i + 1}
              </Text>
            ) : null}
          </View>
          {(['name', 'address', 'latitude', 'longitude'] as const).map((key) => (
            <View key={key} className='store-fields__field'>
              <Input id={`store-${i}-${key}`} className='store-fields__input' type={key === 'latitude' || key === 'longitude' ? 'digit' : 'text'} placeholder={LABELS[key]} ariaLabel={`门店 ${i + 1} ${LABELS[key].split('，')[0]}`} value={st[key]} onInput={(e) => setStore(i, { [key]: e.detail.value })} />
              {errors[`stores.${i}.${key}`] ? <Text className='store-fields__problem'>{errors[`stores.${i}.${key}`]}</Text> : null}
            </View>
          ))}
        </View>
      ))}
      {errors.stores ? <Text className='store-fields__problem'>{errors.stores}</Text> : null}
      {stores.length < MAX_STORES ? (
        <Text id='store-add' className='store-fields__chip' onClick={() => onChange([...stores, BLANK_STORE])}>
          ＋ 添加门店
        </Text>
      ) : null}
    </View>
  )
}
