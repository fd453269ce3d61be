import { searchTerms } from '../../../domain/search'
import type { UnionDoc } from '../../lib/collections'

/**
 * What a union derives from the tree, computed in one place for every writer of unions (the demo
 * seed, the importer): `ancestors`, the ids above it top-down (a subtree is `{ ancestors: id }`),
 * and `terms`, the search pieces of its own name and of every ancestor's name, so that a search for
 * a region (新城区) finds the unions under 新城区总工会 in one indexed read.
 */

/** A union's own fields: everything but what derives from the tree. */
export type UnionFields = Omit<UnionDoc, 'ancestors' | 'terms'>

/** What the derivation needs of each union above. */
export type UnionAbove = Pick<UnionDoc, '_id' | 'name'>

export function unionTerms(name: string, ancestorNames: readonly string[]): string[] {
  return searchTerms(name, ...ancestorNames)
}

/** The union as stored, given the unions above it, top down. */
export function derivedUnion(union: UnionFields, above: readonly UnionAbove[]): UnionDoc {
  return { ...union, ancestors: above.map((u) => u._id), terms: unionTerms(union.name, above.map((u) => u.name)) }
}

/** A union as the tree walk needs it. */
export interface TreeNode {
  _id: string
  name: string
  parentId: string | null
}

/** The unions above one, top down; or why there is no such chain. */
export type Chain = { ok: true; above: TreeNode[] } | { ok: false; cycle: string[] } | { ok: false; missing: string }

/**
 * Walks parent links from each union to the top. `nodeOf` answers for every union known (rows of a
 * file over the stored ones); a parent it does not know is `missing`, a walk that comes back to a
 * union already on it is a `cycle` (listed in walking order, from the union that closes it).
 * Results are shared along the way, so a whole tree costs one step per union.
 */
export function chainsOf(ids: Iterable<string>, nodeOf: (id: string) => TreeNode | undefined): Map<string, Chain> {
  const chains = new Map<string, Chain>()
  const resolve = (start: string): Chain => {
    const known = chains.get(start)
    if (known) return known
    // Walk up until a union whose chain is known, the top, a gap or a repeat.
    const path: TreeNode[] = []
    const onPath = new Map<string, number>()
    let base: Chain = { ok: true, above: [] }
    for (let id: string | null = start; id !== null; ) {
      const done = chains.get(id)
      if (done) {
        base = done.ok ? { ok: true, above: [...done.above, nodeOf(id)!] } : done
        break
      }
      if (onPath.has(id)) {
        base = { ok: false, cycle: path.slice(onPath.get(id)).map((n) => n._id) }
        break
      }
      const node = nodeOf(id)
      if (!node) {
        base = { ok: false, missing: id }
        break
      }
      onPath.set(id, path.length)
      path.push(node)
      id = node.parentId
    }
    // Settle from the top down: each union's chain is its parent's plus its parent.
    for (let i = path.length - 1; i >= 0; i--) {
      const parent = path[i + 1]
      let chain: Chain
      if (!base.ok) chain = base
      else if (i === path.length - 1) chain = base
      else chain = { ok: true, above: [...(chains.get(parent._id) as { above: TreeNode[] }).above, parent] }
      chains.set(path[i]._id, chain)
    }
    return chains.get(start)!
  }
  for (const id of ids) resolve(id)
  return chains
}

/** What a write changes: the fields that differ. */
export type UnionChanges = Partial<UnionDoc>

/** The fields of `target` among `fields` that differ from `stored`. */
export function differences(target: UnionDoc, stored: UnionDoc, fields: readonly (keyof UnionDoc)[]): UnionChanges {
  const changes: Record<string, unknown> = {}
  for (const field of fields) if (JSON.stringify(target[field]) !== JSON.stringify(stored[field])) changes[field] = target[field]
  return changes as UnionChanges
}

/** A stored union's own fields: everything but what derives from the tree. */
export const ownFields = ({ ancestors: _a, terms: _t, ...fields }: UnionDoc): UnionFields => fields

/** What a union below derives from the unions above it. */
export const FOLLOWED = ['ancestors', 'terms'] as const

/**
 * What each stored union below a renamed or moved one must change to follow it: its ancestors and
 * search terms, derived from the tree as `nodeOf` gives it (the unions above, as they are now or
 * are about to be). One function for every writer that renames or moves: the importer (all the
 * unions below at once) and 组织管理's rename (a page at a time, cloud/features/unions/follow.ts).
 * A chain that `nodeOf` cannot complete is refused rather than written half-known.
 */
export function followChanges(below: Iterable<UnionDoc>, nodeOf: (id: string) => TreeNode | undefined): Array<{ id: string; changes: UnionChanges }> {
  const docs = [...below]
  const chains = chainsOf(docs.map((d) => d._id), nodeOf)
  const following: Array<{ id: string; changes: UnionChanges }> = []
  for (const doc of docs) {
    const chain = chains.get(doc._id)
    // Cannot happen with a consistent store.
    if (!chain?.ok) throw new Error(`工会 ${doc._id} 的上级链不完整，未做任何更改`)
    const changes = differences(derivedUnion(ownFields(doc), chain.above), doc, FOLLOWED)
    if (Object.keys(changes).length) following.push({ id: doc._id, changes })
  }
  return following
}
