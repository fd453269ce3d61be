import type { Store } from './port'

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
