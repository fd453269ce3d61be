/** Web build: offers text as a file download (the CSV export of the embedded home). */
export async function saveTextFile(filename: string, text: string, type = 'text/csv;charset=utf-8'): Promise<void> {
  const url = URL.createObjectURL(new Blob([text], { type }))
  clickDownload(url, filename)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Web build: downloads a file the cloud put behind a short-lived link. */
export async function saveLinkedFile(filename: string, url: string): Promise<'downloaded' | 'shared' | 'copied'> {
  clickDownload(url, filename)
  return 'downloaded'
}

function clickDownload(href: string, filename: string): void {
  const link = document.createElement('a')
  link.href = href
  link.download = filename
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}
