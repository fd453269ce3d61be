import type { Collection, Doc, Filter, FindOptions, Store } from './port'

/**
 * Something built once per store and kept in memory beside it (an index the embedded home keeps
 * in step itself; one process owns an nedb store). `get` builds it on first use; a failed build is
 * not kept, so the next call tries again. `ifBuilt` is for keeping it in step: nothing to do yet
 * when it was never built. `forget` drops it.
 */
export function perStore<T>(build: (store: Store) => Promise<T>) {
  const built = new WeakMap<Store, Promise<T>>()
  return {
    get(store: Store): Promise<T> {
      let value = built.get(store)
      if (!value) {
        value = build(store)
        built.set(store, value)
        value.catch(() => built.delete(store))
      }
      return value
    },
    ifBuilt(store: Store): Promise<T> | undefined {
      return built.get(store)
    },
    /** Drops it (after changes made behind its back, e.g. an import): the next `get` rebuilds. */
    forget(store: Store): void {
      built.delete(store)
    },
  }
}

/**
 * Every document of a collection, a page at a time by keyset (`_id` after the last one seen): each
 * page is a range on the _id index, and the WeChat adapter's short reads allow it too.
 */
export async function forEachDoc<T extends Doc>(collection: Collection<T>, pageSize: number, visit: (doc: T) => void): Promise<void> {
  for (let last = ''; ; ) {
    const filter = (last ? { _id: { $gt: last } } : {}) as Filter<T>
    const page = await collection.find(filter, { sort: { _id: 1 } as FindOptions<T>['sort'], limit: pageSize })
    if (!page.length) return
    page.forEach(visit)
    last = page[page.length - 1]._id
  }
}
