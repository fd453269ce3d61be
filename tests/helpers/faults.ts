import type { Collection, Doc, Store } from '../../cloud/lib/store/port'

export type WriteOp = 'insert' | 'update' | 'remove'

/** What a crash between two steps of a write looks like to the action: the store stops answering. */
export class InjectedFault extends Error {
  constructor(readonly collection: string, readonly op: WriteOp) {
    super(`injected fault: ${op} on ${collection}`)
    this.name = 'InjectedFault'
  }
}

/**
 * The store, crashing on demand: `crashAt('coupons', 'insert')` makes the next insert into `coupons`
 * fail before it reaches the store, and from then on every call fails as well (the server was
 * killed: the write's earlier steps are stored, its later steps and its clean-up never run) until
 * `restart()`. `nth` lets that many matching writes through first, less one.
 */
export function faultyStore(store: Store) {
  let armed: { collection: string; op: WriteOp; left: number } | null = null
  let down: InjectedFault | null = null
  let fired = 0
  const gate = (collection: string, op: WriteOp | 'read') => {
    if (down) throw down
    if (!armed || op === 'read' || armed.collection !== collection || armed.op !== op) return
    if (armed.left-- > 1) return
    armed = null
    fired += 1
    down = new InjectedFault(collection, op)
    throw down
  }
  const faulty: Store = {
    collection<T extends Doc>(name: string): Collection<T> {
      const inner = store.collection<T>(name)
      return {
        get: async (id) => (gate(name, 'read'), inner.get(id)),
        find: async (filter, options) => (gate(name, 'read'), inner.find(filter, options)),
        count: async (filter) => (gate(name, 'read'), inner.count(filter)),
        insert: async (doc) => (gate(name, 'insert'), inner.insert(doc)),
        insertMany: async (docs) => (gate(name, 'insert'), inner.insertMany(docs)),
        update: async (filter, patch) => (gate(name, 'update'), inner.update(filter, patch)),
        remove: async (filter) => (gate(name, 'remove'), inner.remove(filter)),
      }
    },
    geoNear: async (collection, query) => (gate(collection, 'read'), store.geoNear(collection, query)),
    ensureIndex: (collection, index) => store.ensureIndex(collection, index),
    close: () => store.close(),
  }
  return {
    store: faulty,
    crashAt(collection: string, op: WriteOp, nth = 1) {
      armed = { collection, op, left: nth }
    },
    /** The server is back: calls reach the store again. */
    restart() {
      down = null
    },
    /** How many crashes have happened: a test checks its crash really cut the write. */
    get fired() {
      return fired
    },
  }
}
