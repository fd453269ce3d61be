import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/PageShell'
import { chinaYear, windowFromDays } from '@domain/aid/dates'
import {
  DOCUMENT_KINDS,
  DOCUMENT_NAMES,
  EXCLUSIONS,
  EXCLUSION_NAMES,
  HARDSHIP_CATEGORIES,
  HARDSHIP_NAMES,
  HARDSHIP_STATUS_NAMES,
  SCHOOL_LEVELS,
  SCHOOL_LEVEL_NAMES,
  type Amounts,
  type DocumentKind,
  type Exclusion,
  type FundedYears,
  type HardshipCategory,
  type HardshipStatus,
  type SchoolLevel,
} from '@domain/aid/programme'
import type { Programme } from '@domain/contract'
import { yuanToFen } from '@domain/money'
import { chinaToday } from '@domain/time'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { useCloud } from '@/services/useCloud'
import { revealFirstError } from '@/platform/revealError'
import { Choices } from '../../components/Choices'
import { DateField } from '../../components/DateField'
import { FormProblem } from '../../components/FormProblem'
import '../../aid.scss'

interface Form {
  name: string
  firstDay: string
  lastDay: string
  /** Yuan as typed per level and status; a level with both empty is not funded. */
  amounts: Record<SchoolLevel, Record<HardshipStatus, string>>
  categories: HardshipCategory[]
  documents: DocumentKind[]
  noticeDays: string
  exclusions: string
  excludes: Exclusion[]
  funds: FundedYears
  maxYears: string
  homeVisit: boolean
}

const STATUSES: HardshipStatus[] = ['registered', 'other']
const yuan = (fen: number | undefined) => (fen === undefined ? '' : String(fen / 100))

function formOf(p: Programme | undefined, year: number): Form {
  const day = (iso: string, back = 0) => chinaToday(new Date(Date.parse(iso) - back))
  return {
    name: p?.name ?? `${year} 年金秋助学`,
    firstDay: p ? day(p.opensAt) : `${year}-07-01`,
    lastDay: p ? day(p.closesAt, 1) : `${year}-08-31`,
    amounts: Object.fromEntries(SCHOOL_LEVELS.map((l) => [l, { registered: yuan(p?.amounts[l]?.registered), other: yuan(p?.amounts[l]?.other) }])) as Form['amounts'],
    categories: p?.categories ?? [...HARDSHIP_CATEGORIES],
    documents: p?.requiredDocuments ?? ['admission_letter', 'hardship_proof'],
    noticeDays: String(p?.noticeDays ?? 5),
    exclusions: p?.exclusions ?? '',
    excludes: p?.excludes ?? [...EXCLUSIONS],
    funds: p?.funds ?? 'new_only',
    maxYears: String(p?.maxYears ?? 1),
    homeVisit: p?.homeVisit ?? true,
  }
}

const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item])

/** The form for one union's programme of one year; mounted afresh when either changes. */
function ProgrammeForm({ unionId, year, existing, onSaved }: { unionId: string; year: number; existing: Programme | undefined; onSaved: () => Promise<void> }) {
  const [form, setForm] = useState<Form>(() => formOf(existing, year))
  const [problem, setProblem] = useState<string | null>(null)
  const saving = useAction('保存', { inline: (failure) => refuse(failure.message) })

  const refuse = (message: string) => {
    setProblem(message)
    revealFirstError('.aid-error')
  }

  const save = async () => {
    const span = windowFromDays(form.firstDay, form.lastDay)
    if (!span) return refuse('请选择申请开始日和截止日')
    const amounts: Amounts = {}
    for (const level of SCHOOL_LEVELS) {
      const typed = form.amounts[level]
      if (!typed.registered.trim() && !typed.other.trim()) continue
      const registered = yuanToFen(typed.registered)
      const other = yuanToFen(typed.other)
      if (registered === null || other === null) return refuse(`请填写${SCHOOL_LEVEL_NAMES[level]}建档和非建档的资助金额（元）`)
      amounts[level] = { registered, other }
    }
    setProblem(null)
    await saving.run(async () => {
      await call('aid', 'saveProgramme', { unionId, year, name: form.name, ...span, amounts, categories: form.categories, requiredDocuments: form.documents, noticeDays: Number(form.noticeDays), exclusions: form.exclusions, excludes: form.excludes, funds: form.funds, maxYears: Number(form.maxYears), homeVisit: form.homeVisit })
      Taro.showToast({ title: '已保存', icon: 'success' })
      await onSaved()
    })
  }

  const field = (testId: string, value: string, onChange: (v: string) => void, type: 'text' | 'digit' = 'text') => (
    <View data-testid={testId} className='aid-field'>
      <Input value={value} type={type} onChange={onChange} />
    </View>
  )

  return (
    <>
      <View className='aid-card'>
        <Text className='aid-label'>项目名称</Text>
        {field('programme-name', form.name, (name) => setForm({ ...form, name }))}
        <Text className='aid-label'>申请开始日</Text>
        <DateField testId='programme-first-day' label='申请开始日' value={form.firstDay} onChange={(firstDay) => setForm({ ...form, firstDay })} />
        <Text className='aid-label'>申请截止日（含当天）</Text>
        <DateField testId='programme-last-day' label='申请截止日' value={form.lastDay} onChange={(lastDay) => setForm({ ...form, lastDay })} />
        <Text className='aid-hint'>建档：低保户、应保未保户、低保边缘户、意外致困户；两项都空为不资助该学段</Text>
        {SCHOOL_LEVELS.flatMap((level) =>
          STATUSES.map((status) => (
            <View key={`${level}-${status}`}>
              <Text className='aid-label'>{`${SCHOOL_LEVEL_NAMES[level]} · ${HARDSHIP_STATUS_NAMES[status]}（元）`}</Text>
              {field(`programme-amount-${level}-${status}`, form.amounts[level][status], (v) => setForm({ ...form, amounts: { ...form.amounts, [level]: { ...form.amounts[level], [status]: v } } }), 'digit')}
            </View>
          )),
        )}
        <Text className='aid-label'>资助哪些学生</Text>
        <Choices<FundedYears> name='programme-funds' options={[['new_only', '只资助今年新录取'], ['enrolled_too', '也资助在校就读']]} value={form.funds} onChange={(funds) => setForm({ ...form, funds })} />
        <Text className='aid-label'>每名子女最多资助年数</Text>
        {field('programme-max-years', form.maxYears, (maxYears) => setForm({ ...form, maxYears }), 'digit')}
        <Text className='aid-label'>不予资助的情形（申请人逐项回答是/否）</Text>
        {EXCLUSIONS.map((e) => (
          <Choices key={e} name='programme-exclude' options={[[e, EXCLUSION_NAMES[e]]]} value={form.excludes.includes(e) ? e : null} onChange={() => setForm({ ...form, excludes: toggle(form.excludes, e) })} />
        ))}
        <Choices name='programme-home-visit' options={[['yes', '上级审批前须完成入户核查']]} value={form.homeVisit ? 'yes' : null} onChange={() => setForm({ ...form, homeVisit: !form.homeVisit })} />
        <Text className='aid-label'>资助的困难类别</Text>
        {HARDSHIP_CATEGORIES.map((c) => (
          <Choices key={c} name='programme-category' options={[[c, HARDSHIP_NAMES[c]]]} value={form.categories.includes(c) ? c : null} onChange={() => setForm({ ...form, categories: toggle(form.categories, c) })} />
        ))}
        <Text className='aid-label'>必交材料</Text>
        {DOCUMENT_KINDS.map((k) => (
          <Choices key={k} name='programme-document' options={[[k, DOCUMENT_NAMES[k]]]} value={form.documents.includes(k) ? k : null} onChange={() => setForm({ ...form, documents: toggle(form.documents, k) })} />
        ))}
        <Text className='aid-label'>公示天数</Text>
        {field('programme-notice-days', form.noticeDays, (noticeDays) => setForm({ ...form, noticeDays }), 'digit')}
        <Text className='aid-label'>其他说明</Text>
        <Textarea className='aid-textarea' placeholder='不予资助情形的补充说明' value={form.exclusions} maxlength={500} onInput={(e) => setForm({ ...form, exclusions: e.detail.value })} />
      </View>
      <FormProblem problem={problem} />
      <Button id='save-programme' type='primary' block onClick={() => void save()}>
        保存
      </Button>
    </>
  )
}

/** Union staff set their union's programme for a year: window, amounts, categories, documents, notice days. */
export default function ProgrammeSettings() {
  const profile = useCloud('member', 'profile', {})
  const programmes = useCloud('aid', 'myProgrammes', {})
  const unions = (profile.data?.roles ?? []).flatMap((r) => (r.kind === 'union_staff' ? [r.union] : []))
  const [chosen, setChosen] = useState<string | null>(null)
  const unionId = chosen ?? unions[0]?.id ?? null
  const year = chinaYear(new Date())
  const existing = programmes.data?.find((p) => p.unionId === unionId && p.year === year)

  return (
    <PageShell error={profile.error ?? programmes.error} loading={profile.loading || programmes.loading} hasData={Boolean(profile.data && programmes.data)} onRetry={() => void Promise.all([profile.reload(), programmes.reload()])}>
      {profile.data && programmes.data ? (
        <View className='aid-page' data-testid='programme-settings'>
          {unions.length === 0 ? <Text className='aid-error'>仅限工会工作人员</Text> : null}
          {unions.length > 1 ? <Choices name='union' options={unions.map((u) => [u.id, u.name])} value={unionId} onChange={setChosen} /> : null}
          {unionId ? (
            <>
              <Text className='aid-card__title'>
                {unions.find((u) => u.id === unionId)?.name} · {year} 年{existing ? '（已设置）' : '（未设置）'}
              </Text>
              <ProgrammeForm key={`${unionId}-${existing?.id ?? 'new'}`} unionId={unionId} year={year} existing={existing} onSaved={programmes.reload} />
            </>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  )
}
