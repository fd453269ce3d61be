import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ListMore } from '@/components/ListMore'
import { PageShell } from '@/components/PageShell'
import type { MerchantView } from '@domain/contract'
import { usePagedList } from '@/services/usePagedList'
import { MerchantCard } from '../../components/MerchantCard'
import { MerchantFormView } from '../../components/MerchantFormView'
import '../../admin.scss'

/**
 * 商户管理 (union clerks): the merchants registered in their subtree, by name, 50 a page; register
 * one, edit its contact, stores and the unions it serves; pause, resume or close it; invite its
 * cashiers (核销员). A paused or closed merchant cannot redeem and its offers cannot be claimed.
 */
export default function Merchants() {
  const [includeClosed, setIncludeClosed] = useState(false)
  const list = usePagedList('admin', 'merchants', { includeClosed })
  const [editing, setEditing] = useState<MerchantView | 'new' | null>(null)
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  return (
    <PageShell error={list.error} loading={list.loading} hasData={Boolean(list.items)} onRetry={() => void list.reload()}>
      <View className='adm' data-testid='merchants'>
        {editing ? (
          <MerchantFormView
            merchant={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null)
              Taro.showToast({ title: '已保存', icon: 'success' })
              if (list.items?.some((m) => m.id === saved.id)) list.replace(saved)
              else void list.reload()
            }}
          />
        ) : (
          <Button id='merchant-add' className='adm__action' type='primary' block onClick={() => setEditing('new')}>
            登记商户
          </Button>
        )}
        {list.items ? (
          <>
            {!list.items.length ? <Text className='adm__muted'>本工会及下级还没有登记商户</Text> : null}
            {list.items.map((merchant) => (
              <MerchantCard key={merchant.id} merchant={merchant} onEdit={() => setEditing(merchant)} onChanged={list.replace} />
            ))}
            <ListMore id='merchants-more' more={Boolean(list.nextCursor)} loading={list.loadingMore} onMore={() => void list.loadMore()} endText={list.items.length ? `共 ${list.items.length} 个商户` : null} endTestId='merchants-end' />
            <Button id='merchants-closed' className='adm__action' block onClick={() => setIncludeClosed(!includeClosed)}>
              {includeClosed ? '不显示已关闭的商户' : '显示已关闭的商户'}
            </Button>
          </>
        ) : null}
      </View>
    </PageShell>
  )
}
