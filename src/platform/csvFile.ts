import { CloudError } from '@domain/errors'
import { IMPORT_LIMITS, IMPORT_TOO_LARGE } from '@domain/stations/upkeep'

/** A CSV for the cloud's import: its text (the web), or a file put in WeChat cloud storage. */
export type CsvSource = { csv: string; name: string } | { fileId: string; name: string }

/** The web build: pick a .csv with a plain file input and read it as UTF-8 text. null: nothing picked. */
export function pickCsv(): Promise<CsvSource | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,text/csv'
    input.style.display = 'none'
    input.onchange = () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve(null)
      if (file.size > IMPORT_LIMITS.maxBytes) return reject(new CloudError('PAYLOAD_TOO_LARGE', IMPORT_TOO_LARGE))
      file.text().then((csv) => resolve({ csv, name: file.name }), () => reject(new CloudError('INVALID_INPUT', '无法读取这个文件')))
    }
    document.body.appendChild(input)
    input.click()
  })
}
