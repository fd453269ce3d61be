/** Web build: offers text as a file download (the CSV export). */
export async function saveTextFile(filename: string, text: string, type = 'text/csv;charset=utf-8'): Promise<void> {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
