import type { Collection, Doc, Store } from '../../cloud/lib/store/port'

/** The store, with `before` run once just before the first insert (or update) of one collection: a rival acting at that instant. */
export function before(store: Store, collection: string, method: 'insert' | 'update', rival: () => Promise<void>): Store {
  let done = false
  const once = async () => {
    if (done) return
    done = true
    await rival()
  }
  return {
    ...store,
    geoNear: store.geoNear?.bind(store),
    ensureIndex: store.ensureIndex.bind(store),
    close: store.close.bind(store),
    collection<T extends Doc>(name: string): Collection<T> {
      const inner = store.collection<T>(name)
      if (name !== collection) return inner
      return {
        ...inner,
        async insert(doc) {
          if (method === 'insert') await once()
          return inner.insert(doc)
        },
        async update(filter, patch) {
          if (method === 'update') await once()
          return inner.update(filter, patch)
        },
      }
    },
  }
}
