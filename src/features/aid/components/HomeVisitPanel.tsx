import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { VISIT_CHECKS, VISIT_CHECK_NAMES, MAX_VISIT_PHOTOS, type VisitCheck } from '@domain/aid/visit'
import { chinaToday } from '@domain/time'
import type { Uploaded } from '@domain/aid/files'
import { call } from '@/services/cloud'
import { useAction } from '@/services/useAction'
import { openDocument, uploadDocument } from '../documents'
import type { ReviewItem as Item } from '../useReviewList'
import { Choices } from './Choices'
import { DateField } from './DateField'
import { FormProblem } from './FormProblem'
import '../aid.scss'

type Visit = NonNullable<Item['homeVisit']>

/** A recorded 入户核查, read-only: what level two sees before approving. */
function VisitRecord({ visit }: { visit: Visit }) {
  const opening = useAction('打开照片')
  return (
    <View className='aid-facts' data-testid='home-visit'>
      <Text className='aid-label'>入户核查</Text>
      <Text className='aid-card__text'>{`${visit.visitedOn} · ${visit.visitors}`}</Text>
      {VISIT_CHECKS.map((c) => (
        <Text key={c} className={visit.checks[c] ? 'aid-card__text' : 'aid-error'}>{`${visit.checks[c] ? '✓' : '✗'} ${VISIT_CHECK_NAMES[c]}`}</Text>
      ))}
      {visit.note ? <Text className='aid-card__text'>说明：{visit.note}</Text> : null}
      <View className='aid-choices'>
        {visit.photos.map((id, i) => (
          <Button key={id} id={`visit-photo-${i + 1}`} size='small' disabled={opening.busy} onClick={() => void opening.run(() => openDocument(id))}>
            {`照片 ${i + 1}`}
          </Button>
        ))}
      </View>
    </View>
  )
}

/** Level one records the visit: the day, who went, the checklist, a note, photos (the aid upload flow). */
function VisitForm({ a, onDone }: { a: Item; onDone: (updated: Item) => void }) {
  const [visitedOn, setVisitedOn] = useState(chinaToday(new Date()))
  const [visitors, setVisitors] = useState('')
  const [checks, setChecks] = useState<Record<VisitCheck, boolean>>({ housing: false, members: false, income: false, enrolled: false })
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<Uploaded[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const saving = useAction('记录核查', { inline: (failure) => setProblem(failure.message) })
  const uploading = useAction('上传照片')

  const addPhoto = () =>
    uploading.run(async () => {
      const file = await uploadDocument()
      if (!file) return
      // The cloud refuses a PDF too; saying it here saves a round trip.
      if (!file.type.startsWith('image/')) return setProblem('入户核查照片应为 JPG 或 PNG 图片')
      setProblem(null)
      setPhotos((list) => [...list, file].slice(0, MAX_VISIT_PHOTOS))
    })

  const save = () =>
    saving.run(async () => {
      setProblem(null)
      onDone(await call('aid', 'recordVisit', { applicationId: a.id, visitedOn, visitors: visitors.trim(), checks, note: note.trim(), photos: photos.map((p) => p.fileId) }))
    })

  return (
    <View data-testid='visit-form'>
      <Text className='aid-label'>入户核查日期</Text>
      <DateField testId='visit-date' label='入户核查日期' value={visitedOn} onChange={setVisitedOn} />
      <Text className='aid-label'>核查人员</Text>
      <View data-testid='visit-visitors' className='aid-field'>
        <Input value={visitors} placeholder='如：王某某、李某某' onChange={setVisitors} />
      </View>
      {VISIT_CHECKS.map((c) => (
        <Choices key={c} name='visit-check' options={[[c, VISIT_CHECK_NAMES[c]]]} value={checks[c] ? c : null} onChange={() => setChecks({ ...checks, [c]: !checks[c] })} />
      ))}
      <Text className='aid-label'>核查说明</Text>
      <Textarea className='aid-textarea' placeholder='核查说明（选填）' value={note} maxlength={300} onInput={(e) => setNote(e.detail.value)} />
      <Text className='aid-hint'>{photos.length ? `已上传照片 ${photos.length} 张` : '照片：JPG 或 PNG，可选'}</Text>
      {photos.length < MAX_VISIT_PHOTOS ? (
        <Button id='visit-add-photo' size='small' disabled={uploading.busy} onClick={() => void addPhoto()}>
          上传核查照片
        </Button>
      ) : null}
      <FormProblem problem={problem} />
      <Button id='visit-save' type='primary' disabled={saving.busy} onClick={() => void save()}>
        {a.homeVisit ? '重新记录入户核查' : '记录入户核查'}
      </Button>
    </View>
  )
}

/** The 入户核查 of one application: the record when there is one, the form while level one may record it. */
export function HomeVisitPanel({ a, onDone }: { a: Item; onDone: (updated: Item) => void }) {
  return (
    <>
      {a.homeVisit ? <VisitRecord visit={a.homeVisit} /> : a.status === 'verified' ? <Text className='aid-hint'>未记录入户核查</Text> : null}
      {a.canVisit ? <VisitForm a={a} onDone={onDone} /> : null}
    </>
  )
}
