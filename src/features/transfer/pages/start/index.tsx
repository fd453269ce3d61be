import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { EMPTY_TRANSFER_DRAFT, checkTransferDetails, detailsOf, startStep, type TransferDraft, type TransferProblems } from '@domain/transfer/start'
import { askToBeTold } from '@/platform/subscribe'
import { call } from '@/services/cloud'
import { revealFirstError } from '@/platform/revealError'
import { useRetryKey } from '@/services/ids'
import { useAction } from '@/services/useAction'
import { TransferDetailsForm } from '../../components/TransferDetailsForm'
import { UnionLookup, type Preview } from '../../components/UnionLookup'
import './index.scss'

/** The member picks the receiving union (its QR link, its code, or a search), says why, and submits. */
export default function StartTransfer() {
  const router = useRouter()
  const [preview, setPreview] = useState<Preview | null>(null)
  const [draft, setDraft] = useState<TransferDraft>(EMPTY_TRANSFER_DRAFT)
  const [fields, setFields] = useState<TransferProblems>({})
  // A submission sent again after a lost answer is the same submission (src/services/ids.ts).
  const retryKey = useRetryKey()

  /** The one place a refused form is shown, whether the app or the cloud found the problems. */
  const showProblems = (problems: TransferProblems) => {
    setFields(problems)
    revealFirstError('.transfer-start__error')
  }
  const { busy, run } = useAction('提交', { fields: showProblems, onError: (failure) => retryKey.settle(failure) })

  const submit = async () => {
    if (!preview) return
    const problems = checkTransferDetails(draft)
    if (Object.keys(problems).length) return showProblems(problems)
    setFields({})
    await askToBeTold(['transferResult'])
    await run(async () => {
      const submission = { toUnionId: preview.toUnion.id, ...detailsOf(draft) }
      await call('transfer', 'start', { ...submission, idempotencyKey: retryKey.key(submission) })
      retryKey.settle()
      // Back to the status page this form was opened from (it reloads on show), or to a new one when
      // the form was opened straight from a union's QR link.
      if (Taro.getCurrentPages().length > 1) await Taro.navigateBack()
      else await Taro.redirectTo({ url: '/features/transfer/pages/status/index' })
    })
  }

  return (
    <PageShell>
      <View className='transfer-start'>
        <UnionLookup initialCode={router.params.union ? decodeURIComponent(router.params.union) : ''} preview={preview} onPreview={setPreview} />
        {startStep(Boolean(preview)) === 'details' ? (
          <TransferDetailsForm draft={draft} problems={fields} busy={busy} onChange={(patch) => setDraft((now) => ({ ...now, ...patch }))} onSubmit={() => void submit()} />
        ) : null}
      </View>
    </PageShell>
  )
}
