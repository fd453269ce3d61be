import { Text, View } from '@tarojs/components'
import type { StationDetail } from '@domain/contract'
import { OpenTag } from './OpenTag'
import { TypeIcon } from './TypeIcon'
import './StationList.scss'

/** A station's name, whether it is open and its kind: the top of its page and of its 打卡 page. */
export function StationHeading({ s }: { s: Pick<StationDetail, 'name' | 'openNow' | 'status' | 'type'> }) {
  return (
    <>
      <Text className='station-detail__name' data-testid='station-name'>
        {s.name}
      </Text>
      <View className='station-list__meta'>
        <OpenTag open={s.openNow} suspended={s.status !== 'active'} />
        <TypeIcon type={s.type} />
        <Text className='station-list__type'>{s.type}</Text>
      </View>
    </>
  )
}
