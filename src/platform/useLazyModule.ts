import { useEffect, useState } from 'react'

/**
 * A module fetched by a dynamic import when a view first needs it (the web's Leaflet views, in the
 * map-leaflet chunk): null until it arrives, 'failed' when it cannot be fetched, so the caller shows
 * a quiet box, then the view or its fallback. `load` is a module-level function: it runs once.
 */
export function useLazyModule<T>(load: () => Promise<T>): T | 'failed' | null {
  const [loaded, setLoaded] = useState<{ module: T } | 'failed' | null>(null)
  useEffect(() => {
    let live = true
    load().then(
      (module) => live && setLoaded({ module }),
      () => live && setLoaded('failed'),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one fetch for the view's life
  }, [])
  return loaded === null || loaded === 'failed' ? loaded : loaded.module
}
