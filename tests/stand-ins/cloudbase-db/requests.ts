import { EJSON } from 'bson'
import type { CloudBaseDbStandIn } from './engine'

/** What the SDK sent for each aggregate with a $geoNear stage: its options and the $limit after it. */
export function geoNearRequests(server: CloudBaseDbStandIn): Array<{ collection: string; geoNear: Record<string, unknown>; limit?: number }> {
  return server.log
    .filter((r) => r.action === 'database.aggregateDocuments')
    .map((r) => {
      const stages = r.params.stages as Array<{ stageKey: string; stageValue: string }>
      const geo = stages.find((s) => s.stageKey === '$geoNear')
      const limit = stages.find((s) => s.stageKey === '$limit')
      return { collection: r.collection, geoNear: geo ? (EJSON.parse(geo.stageValue) as Record<string, unknown>) : {}, ...(limit ? { limit: Number(JSON.parse(limit.stageValue)) } : {}) }
    })
    .filter((r) => Object.keys(r.geoNear).length)
}

/** The decoded query and update of every modifyDocument request, in order. */
export function updateRequests(server: CloudBaseDbStandIn, collection?: string): Array<{ collection: string; query: unknown; data: unknown; multi: unknown }> {
  return server.log
    .filter((r) => r.action === 'database.modifyDocument' && (!collection || r.collection === collection))
    .map((r) => ({ collection: r.collection, query: EJSON.parse(String(r.params.query ?? '{}')), data: EJSON.parse(String(r.params.data)), multi: r.params.multi }))
}
