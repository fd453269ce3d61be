import { useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { checkEligibility, type EligibilityAnswers, type EligibilityResult } from '@domain/aid/eligibility'
import { EXCLUSION_NAMES, HARDSHIP_CATEGORIES, HARDSHIP_NAMES, SCHOOL_LEVELS, SCHOOL_LEVEL_NAMES, type HardshipCategory, type SchoolLevel } from '@domain/aid/programme'
import { chinaDateText } from '@domain/aid/dates'
import { formatFen } from '@domain/money'
import { useCloud } from '@/services/useCloud'
import { useMayCall } from '@/services/useMayCall'
import { Choices } from '../../components/Choices'
import { applyUrl } from '../../usePrefill'
import { ApplicationFacts, Timeline } from '../../components/Timeline'
import '../../aid.scss'

/** 金秋助学: the programme, the questions before the form, my applications and where they stand. */
export default function AidHome() {
  const enabled = useMayCall('aid', 'mine')
  const profile = useCloud('member', 'profile', {})
  const programme = useCloud('aid', 'programme', {})
  const mine = useCloud('aid', 'mine', {})
  // Only members are asked (a non-member has nothing to renew).
  const renewals = useCloud('aid', 'renewals', {}, Boolean(profile.data?.membership))
  const [answers, setAnswers] = useState<Omit<EligibilityAnswers, 'isMember'>>({ admittedThisYear: true, level: null, category: null })
  const [result, setResult] = useState<EligibilityResult | null>(null)
  const reload = () => Promise.all([profile.reload(), programme.reload(), mine.reload(), profile.data?.membership ? renewals.reload() : null])
  // Coming back from the form: show the application just sent.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && enabled) void Promise.all([mine.reload(), profile.data?.membership ? renewals.reload() : null])
    shown.current = true
  })
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))

  const p = programme.data
  const staff = profile.data?.roles.some((r) => r.kind === 'union_staff') ?? false
  // 金秋助学 reviewers review (at their level) and do nothing else here.
  const reviews = staff || (profile.data?.roles.some((r) => r.kind === 'aid_reviewer') ?? false)
  const loading = profile.loading || programme.loading || mine.loading
  const error = profile.error ?? programme.error ?? mine.error
  const ready = Boolean(profile.data && mine.data)

  const check = () => setResult(checkEligibility({ ...answers, isMember: Boolean(profile.data?.membership) }, p ? { ...p, unionName: p.unionName } : null, new Date()))

  return (
    <PageShell error={error} loading={loading} hasData={ready} onRetry={() => void reload()}>
      {ready ? (
        <View className='aid-page'>
          {p ? (
            <View className='aid-card' data-testid='programme'>
              <Text className='aid-card__title'>{p.name}</Text>
              <Text className='aid-card__text'>{p.unionName}</Text>
              <Text className='aid-card__text'>
                申请时间：{chinaDateText(p.opensAt)} 至 {chinaDateText(new Date(Date.parse(p.closesAt) - 1).toISOString())}
                {p.window === 'open' ? '（正在受理）' : p.window === 'closed' ? '（已截止）' : '（未开始）'}
              </Text>
              {SCHOOL_LEVELS.flatMap((l) => {
                const a = p.amounts[l]
                return a ? [<Text key={l} className='aid-card__text'>{`${SCHOOL_LEVEL_NAMES[l]}：建档 ${formatFen(a.registered)}，非建档 ${formatFen(a.other)}`}</Text>] : []
              })}
              <Text className='aid-card__text'>{p.funds === 'enrolled_too' ? `资助今年新录取和在校就读的学生，每名子女最多 ${p.maxYears} 年` : `只资助 ${p.year} 年新录取的学生`}</Text>
              {p.excludes.length ? <Text className='aid-card__text'>不予资助：{p.excludes.map((e) => EXCLUSION_NAMES[e]).join('、')}</Text> : null}
              {p.exclusions ? <Text className='aid-card__text'>说明：{p.exclusions}</Text> : null}
            </View>
          ) : null}

          {mine.data!.map((a) => (
            <View key={a.id} className='aid-card' data-testid='my-application'>
              <Text className='aid-card__title'>{a.child.name}的申请</Text>
              <Timeline steps={a.timeline} />
              <ApplicationFacts a={a} />
              {a.status === 'returned' ? (
                <Button id='correct-application' type='primary' block onClick={() => Taro.navigateTo({ url: `/features/aid/pages/apply/index?id=${a.id}` })}>
                  修改后重新提交
                </Button>
              ) : null}
            </View>
          ))}

          {(renewals.data ?? []).map((r) => (
            <View key={r.applicationId} className='aid-card' data-testid='renewal'>
              <Text className='aid-card__title'>{r.child.name}可以续申</Text>
              <Text className='aid-card__text'>{`${r.year} 年已获资助（累计 ${r.fundedYears} 年），${r.child.school} ${SCHOOL_LEVEL_NAMES[r.child.level]}`}</Text>
              <Button id={`renew-${r.applicationId}`} type='primary' block onClick={() => Taro.navigateTo({ url: `/features/aid/pages/apply/index?renew=${r.applicationId}` })}>
                续申（带出上次的申请）
              </Button>
            </View>
          ))}

          <View className='aid-card' data-testid='eligibility'>
            <Text className='aid-card__title'>先看看能不能申请</Text>
            <Text className='aid-label'>子女的学段</Text>
            <Choices<SchoolLevel> name='q-level' options={SCHOOL_LEVELS.map((l) => [l, SCHOOL_LEVEL_NAMES[l]])} value={answers.level} onChange={(level) => setAnswers({ ...answers, level })} />
            <Text className='aid-label'>是否今年新录取</Text>
            <Choices<'yes' | 'no'> name='q-admitted' options={[['yes', '是'], ['no', '否']]} value={answers.admittedThisYear ? 'yes' : 'no'} onChange={(v) => setAnswers({ ...answers, admittedThisYear: v === 'yes' })} />
            <Text className='aid-label'>家庭困难类别</Text>
            <Choices<HardshipCategory> name='q-category' options={HARDSHIP_CATEGORIES.map((c) => [c, HARDSHIP_NAMES[c]])} value={answers.category} onChange={(category) => setAnswers({ ...answers, category })} />
            <Button id='check-eligibility' block onClick={check}>
              查看结果
            </Button>
            {result ? (
              <View data-testid='eligibility-result'>
                {result.eligible ? (
                  <>
                    <Text className='aid-card__text'>{result.message}</Text>
                    <Button id='start-application' type='primary' block onClick={() => Taro.navigateTo({ url: applyUrl(answers) })}>
                      开始填写申请
                    </Button>
                  </>
                ) : (
                  <>
                    <Text className='aid-error'>{result.reason}</Text>
                    <Text className='aid-hint'>{result.contact}</Text>
                  </>
                )}
              </View>
            ) : null}
          </View>

          <View className='aid-actions'>
            <Button id='open-notice' block onClick={() => Taro.navigateTo({ url: '/features/aid/pages/notice/index' })}>
              公示名单
            </Button>
            {reviews ? (
              <Button id='open-review' block onClick={() => Taro.navigateTo({ url: '/features/aid/pages/review/index' })}>
                审核申请
              </Button>
            ) : null}
            {staff ? (
              <Button id='open-programme' block onClick={() => Taro.navigateTo({ url: '/features/aid/pages/programme/index' })}>
                项目设置
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}
