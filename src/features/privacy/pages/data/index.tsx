import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { AID_STATUS_NAMES } from '@domain/aid/machine'
import type { MyData, RightsRequestInput } from '@domain/contract'
import { formatDate, formatDateTime } from '@domain/format'
import { EMPLOYMENT_TYPES } from '@domain/join/options'
import {
  AID_WITHDRAWABLE,
  JOIN_WITHDRAWAL_EFFECT,
  LEAVE_EFFECT,
  LOCATION_WITHDRAWAL_EFFECT,
  MESSAGES_DELETION_EFFECT,
  PRIVACY_WITHDRAWAL_EFFECT,
  type CorrectableField,
} from '@domain/rights'
import { canOpenSettings, openLocationSettings } from '@/platform/location'
import { openPrivacyGuide } from '@/platform/privacy'
import { call } from '@/services/cloud'
import { useRetryKey } from '@/services/ids'
import { useAction } from '@/services/useAction'
import { useCloud } from '@/services/useCloud'
import { askPrivacy, usePrivacy } from '@/stores/privacy'
import { useStations } from '@/features/stations/store'
import { Correction } from '../../components/Correction'
import '../../privacy.scss'

/** A request as the page builds it; the idempotency key is added when it is sent. */
type Request = RightsRequestInput extends infer R ? (R extends unknown ? Omit<R, 'idempotencyKey'> : never) : never
const JOIN_STATUS = { pending: '审核中', approved: '已通过（会员档案）', rejected: '未通过', withdrawn: '已撤回', lapsed: '已失效' } as const

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View className='pv__field'>
      <Text className='pv__label'>{label}</Text>
      <Text className='pv__value'>{value}</Text>
    </View>
  )
}

/** Asks before a step the person cannot take back, saying what it does. */
async function confirmed(title: string, effect: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content: effect, confirmText: '确定', cancelText: '取消' })
  return confirm
}

/**
 * 我的 → 个人信息: what the union holds about the person (个人信息保护法 art. 45), and their rights over it
 * (arts. 44–47): correct, withdraw a consent, delete what is not kept, leave the union. Every request is
 * recorded and answered; the answers are listed at the end.
 */
export default function MyDataPage() {
  const data = useCloud('member', 'myData', {})
  // Which request is on its way (its button shows loading); one at a time.
  const [busy, setBusy] = useState<string | null>(null)
  // A request sent again after a lost answer is the same request (src/services/ids.ts).
  const retryKey = useRetryKey()
  const sending = useAction('提交', { onError: (failure) => retryKey.settle(failure) })
  usePullDownRefresh(() => void data.reload().finally(() => Taro.stopPullDownRefresh()))
  const d: MyData | null = data.data

  const send = async (what: string, request: Request, after?: () => void) => {
    if (sending.busy) return
    setBusy(what)
    await sending.run(async () => {
      const done = await call('member', 'requestRights', { ...request, idempotencyKey: retryKey.key(request) } as RightsRequestInput)
      retryKey.settle()
      after?.()
      const title = done.status === 'done' ? done.answer ?? '已办结' : '已提交，工会答复后会通知你'
      Taro.showToast({ title, icon: 'none', duration: 3000 })
      await data.reload()
    })
    setBusy(null)
  }

  const ask = async (what: string, title: string, effect: string, request: Request, after?: () => void) => {
    if (await confirmed(title, effect)) await send(what, request, after)
  }

  /** A correction carries a new value: personal data, sent only after the privacy agreement. */
  const correct = async (applicationId: string, field: CorrectableField, value: string, note: string) => {
    if (!(await askPrivacy('personal'))) return
    await send('correct', { type: 'correct_join', applicationId, field, value, ...(note ? { note } : {}) })
  }

  const withdrawLocation = () =>
    ask('location', '撤回位置信息授权', LOCATION_WITHDRAWAL_EFFECT, { type: 'withdraw_location' }, () => {
      useStations.getState().setLocationDenied(true)
      if (canOpenSettings) openLocationSettings()
    })

  const correctable = d?.joinApplications.find((a) => a.correctable) ?? null
  return (
    <PageShell error={data.error} loading={data.loading} hasData={Boolean(d)} onRetry={() => void data.reload()}>
      {d ? (
        <View className='pv' data-testid='my-data'>
          <View className='pv__card' data-testid='data-privacy'>
            <Text className='pv__heading'>隐私保护指引</Text>
            <Field label='同意情况' value={d.person.privacyAgreedVersion ? `已同意（${d.person.privacyAgreedVersion} 版${d.person.privacyAgreedAt ? `，${formatDate(d.person.privacyAgreedAt)}` : ''}）` : d.person.privacyWithdrawnAt ? `已撤回（${formatDate(d.person.privacyWithdrawnAt)}）` : '未同意'} />
            <Text className='pv__muted'>工会保存的你的信息、用途和保存期限，都写在隐私保护指引里。</Text>
            <View className='pv__actions'>
              <Button id='open-guide' size='small' onClick={openPrivacyGuide}>
                阅读隐私保护指引
              </Button>
              {d.person.privacyAgreedVersion ? (
                <Button id='withdraw-privacy' size='small' loading={busy === 'privacy'} onClick={() => void ask('privacy', '撤回对隐私保护指引的同意', PRIVACY_WITHDRAWAL_EFFECT, { type: 'withdraw_privacy' }, () => usePrivacy.getState().withdraw())}>
                  撤回同意
                </Button>
              ) : null}
            </View>
          </View>

          <View className='pv__card' data-testid='data-location'>
            <Text className='pv__heading'>位置信息</Text>
            <Text className='pv__muted'>只在你查找附近驿站或商户时读取，用完即弃，工会不保存。</Text>
            <View className='pv__actions'>
              <Button id='withdraw-location' size='small' loading={busy === 'location'} onClick={() => void withdrawLocation()}>
                撤回位置授权
              </Button>
            </View>
          </View>

          <View className='pv__card' data-testid='data-membership'>
            <Text className='pv__heading'>会籍</Text>
            {d.membership ? (
              <>
                <Field label='所在工会' value={d.membership.unionPath.join(' › ')} />
                <Field label='会员编号' value={d.membership.memberNo} />
                <Field label='入会日期' value={formatDate(d.membership.joinedAt)} />
                <Text className='pv__muted'>{LEAVE_EFFECT}</Text>
                <View className='pv__actions'>
                  <Button id='request-leave' size='small' disabled={d.membership.transferring} loading={busy === 'leave'} onClick={() => void ask('leave', '申请退会', LEAVE_EFFECT, { type: 'leave' })}>
                    {d.membership.transferring ? '转会办理中，暂不能退会' : '申请退会'}
                  </Button>
                </View>
              </>
            ) : (
              <Text className='pv__muted'>目前不是工会会员。</Text>
            )}
            {d.formerMemberships.map((f) => (
              <Field key={f.memberNo} label='曾经的会籍' value={`${f.union.name} · ${f.memberNo} · ${formatDate(f.joinedAt)}—${formatDate(f.leftAt)}`} />
            ))}
          </View>

          {d.joinApplications.map((a) => (
            <View key={a.id} className='pv__card' data-testid='data-join'>
              <Text className='pv__heading'>入会申请 · {JOIN_STATUS[a.status]}</Text>
              <Field label='工会' value={a.union.name} />
              <Field label='姓名' value={a.name} />
              <Field label='身份证号' value={a.idMasked} />
              <Field label='性别 / 出生日期' value={`${a.gender === 'male' ? '男' : '女'} / ${a.birthDate}`} />
              <Field label='手机号' value={a.phoneMasked} />
              <Field label='民族 / 学历' value={`${a.ethnicity} / ${a.education}`} />
              <Field label='政治面貌 / 户籍' value={`${a.politicalStatus} / ${a.hukou}`} />
              <Field label='工作单位' value={`${a.employer}（${EMPLOYMENT_TYPES[a.employment]}）`} />
              <Field label='同意时间' value={`${formatDate(a.consents.personalAt)}${a.consents.withdrawnAt ? `；${formatDate(a.consents.withdrawnAt)}撤回` : ''}`} />
              {a.deletion.deletable ? null : <Text className='pv__muted'>{a.deletion.why}</Text>}
              <View className='pv__actions'>
                {a.status === 'pending' ? (
                  <Button id={`withdraw-join-${a.id}`} size='small' loading={busy === `wj-${a.id}`} onClick={() => void ask(`wj-${a.id}`, '撤回入会申请', JOIN_WITHDRAWAL_EFFECT, { type: 'withdraw_join', applicationId: a.id })}>
                    撤回同意和申请
                  </Button>
                ) : null}
                {a.deletion.deletable ? (
                  <Button id={`delete-join-${a.id}`} size='small' loading={busy === `dj-${a.id}`} onClick={() => void ask(`dj-${a.id}`, '申请删除', '工会确认后删除这份申请。', { type: 'delete_join', applicationId: a.id })}>
                    申请删除
                  </Button>
                ) : null}
              </View>
            </View>
          ))}

          {correctable ? <Correction busy={busy === 'correct'} onSend={(field, value, note) => void correct(correctable.id, field, value, note)} /> : null}

          {d.aidApplications.map((a) => (
            <View key={a.id} className='pv__card' data-testid='data-aid'>
              <Text className='pv__heading'>
                金秋助学 · {a.year} · {AID_STATUS_NAMES[a.status]}
              </Text>
              {a.erased ? (
                <Text className='pv__muted'>这份申请中的个人信息已删除。</Text>
              ) : (
                <>
                  <Field label='子女' value={`${a.childName} · ${a.childIdMasked}`} />
                  <Field label='学校' value={a.school} />
                  <Field label='家庭人口 / 材料' value={`${a.householdSize} 人 / ${a.documents} 份`} />
                  <Field label='收款账户' value={`${a.bank} ${a.cardMasked}`} />
                  <Field label='敏感信息同意' value={`${formatDate(a.consentAt)}${a.consentWithdrawnAt ? `；${formatDate(a.consentWithdrawnAt)}撤回` : ''}`} />
                </>
              )}
              {a.deletion.deletable ? null : <Text className='pv__muted'>{a.deletion.why}</Text>}
              <View className='pv__actions'>
                {!a.consentWithdrawnAt && !a.erased ? (
                  <Button id={`withdraw-aid-${a.id}`} size='small' loading={busy === `wa-${a.id}`} onClick={() => void ask(`wa-${a.id}`, '撤回敏感信息的同意', a.withdrawalEffect, { type: 'withdraw_aid', applicationId: a.id })}>
                    {AID_WITHDRAWABLE.includes(a.status) ? '撤回同意（申请随之撤回）' : '撤回同意'}
                  </Button>
                ) : null}
                {a.deletion.deletable ? (
                  <Button id={`delete-aid-${a.id}`} size='small' loading={busy === `da-${a.id}`} onClick={() => void ask(`da-${a.id}`, '申请删除', '工会确认后删除子女和家庭信息、证明材料和银行卡信息。', { type: 'delete_aid', applicationId: a.id })}>
                    申请删除
                  </Button>
                ) : null}
              </View>
            </View>
          ))}

          <View className='pv__card' data-testid='data-messages'>
            <Text className='pv__heading'>我的消息</Text>
            <Field label='消息' value={`${d.messages} 条`} />
            {d.messages ? (
              <View className='pv__actions'>
                <Button id='delete-messages' size='small' loading={busy === 'messages'} onClick={() => void ask('messages', '删除我的消息', MESSAGES_DELETION_EFFECT, { type: 'delete_messages' })}>
                  删除全部消息
                </Button>
              </View>
            ) : null}
          </View>

          <View className='pv__card' data-testid='data-requests'>
            <Text className='pv__heading'>我的请求</Text>
            {d.requests.length ? null : <Text className='pv__muted'>还没有提出过请求。</Text>}
            {d.requests.map((r) => (
              <View key={r.id} className='pv__row' data-testid='rights-request'>
                <Text className='pv__text'>
                  {r.typeName}
                  {r.fieldName ? `：${r.fieldName} → ${r.value ?? ''}` : ''}
                </Text>
                <Text className={`pv__status pv__status--${r.status}`} data-testid='rights-request-status'>
                  {r.statusName}
                </Text>
                <Text className='pv__muted'>{formatDateTime(r.createdAt)}提出</Text>
                {r.answer ? <Text className='pv__muted'>答复：{r.answer}</Text> : null}
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}
