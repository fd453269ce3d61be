import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { DOCUMENT_KINDS, DOCUMENT_NAMES, type DocumentKind } from '@domain/aid/programme'
import type { StepErrors } from '@domain/aid/steps'
import { useAction } from '@/services/useAction'
import { uploadDocument } from '../documents'
import { useAidDraft } from '../store'
import { FieldError } from './FieldError'
import '../aid.scss'

async function upload(kind: DocumentKind) {
  const file = await uploadDocument()
  if (!file) return
  const { documents, patch } = useAidDraft.getState()
  patch({ documents: [...documents.filter((d) => d.kind !== kind), { kind, fileId: file.fileId, name: file.name }] })
}

/** Step 4: the documents, each uploaded (or replaced) on its own. */
export function DocumentsStep({ required, errors }: { required: DocumentKind[]; errors: StepErrors }) {
  const documents = useAidDraft((s) => s.documents)
  const uploading = useAction('上传')
  return (
    <>
      <Text className='aid-hint'>请拍照或选择 JPG、PNG 图片或 PDF，每份不超过 5 MB；照片会先压缩再上传。</Text>
      {DOCUMENT_KINDS.map((kind) => {
        const doc = documents.find((d) => d.kind === kind)
        return (
          <View key={kind} data-testid={`doc-${kind}`}>
            <Text className='aid-label'>
              {DOCUMENT_NAMES[kind]}
              {required.includes(kind) ? '（必交）' : '（选交）'}
            </Text>
            <Text className='aid-hint'>{doc ? `已上传：${doc.name}` : '未上传'}</Text>
            <Button id={`upload-${kind}`} size='small' disabled={uploading.busy} onClick={() => void uploading.run(() => upload(kind))}>
              {doc ? '重新上传' : '上传'}
            </Button>
          </View>
        )
      })}
      <FieldError field='documents' errors={errors} />
    </>
  )
}
