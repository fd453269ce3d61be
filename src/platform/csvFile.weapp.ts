import Taro from '@tarojs/taro'
import { CloudError } from '@domain/errors'
import { IMPORT_LIMITS, IMPORT_TOO_LARGE } from '@domain/stations/upkeep'

export type CsvSource = { csv: string; name: string } | { fileId: string; name: string }

/**
 * WeChat: pick a .csv from a chat and put it in cloud storage under stations/imports/ (the only
 * folder the import reads); the cloud reads it there, as a cloud function's parameters should not
 * carry megabytes. null: nothing picked. Not run by the tests here (it needs WeChat's servers).
 */
export async function pickCsv(): Promise<CsvSource | null> {
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] }).catch(() => null)
  const file = picked?.tempFiles[0]
  if (!file) return null
  if (file.size > IMPORT_LIMITS.maxBytes) throw new CloudError('PAYLOAD_TOO_LARGE', IMPORT_TOO_LARGE)
  try {
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `stations/imports/${Date.now()}-${Math.random().toString(36).slice(2)}.csv`, filePath: file.path })
    return { fileId: fileID, name: file.name }
  } catch {
    throw new CloudError('NETWORK')
  }
}
