import { useEffect, useState } from 'react'
import { loadPrivatePhoto, releasePrivatePhoto } from '@/platform/privatePhoto'

/**
 * A photo only some may see, ready for <Image>: its address (web: fetched with the session, then a
 * blob: URL freed when the photo goes; WeChat: the cloud's link as it is), or failed: gone, not
 * allowed or no network. A link that loads but does not draw is the <Image>'s own onError.
 */
export function usePrivatePhoto(src: string | null): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ src: string | null; url: string | null; failed: boolean }>({ src: null, url: null, failed: false })
  useEffect(() => {
    if (!src) return undefined
    let live = true
    let made: string | null = null
    loadPrivatePhoto(src).then(
      (url) => {
        made = url
        if (live) setState({ src, url, failed: false })
        else releasePrivatePhoto(url)
      },
      () => live && setState({ src, url: null, failed: true }),
    )
    return () => {
      live = false
      if (made) releasePrivatePhoto(made)
    }
  }, [src])
  // Until the new photo is ready, none (never the last one's address for the next).
  return state.src === src ? { url: state.url, failed: state.failed } : { url: null, failed: false }
}
