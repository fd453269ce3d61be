/**
 * Puts the stand-in database server (./engine.ts) behind the REAL client: `wx-server-sdk`'s
 * `cloud.database()`, which wraps `@cloudbase/node-sdk`'s database, which is `@cloudbase/database`'s
 * `Db`. That SDK sends every request through one static hook, `Db.reqClass` (a class constructed
 * with the database's config whose `send(action, params)` answers; node-sdk sets it to its HTTP
 * requester on each `database()` call). Here the hook always answers with the stand-in, chosen by the
 * database's `env`, so everything above it — query building, EJSON serialization, wx-server-sdk's
 * error wrapping (errCode/errMsg) — is the real code that runs in a deployed function.
 */
import { createRequire } from 'node:module'
import type { WxDatabase } from '../../../cloud/lib/store/wx'
import { CloudBaseDbStandIn } from './engine'

interface WxServerSdk {
  init(options: { env: string }): void
  database(options?: { env: string }): WxDatabase
}

// Resolve the copy of @cloudbase/database that wx-server-sdk really uses (node-sdk pins its own),
// then load it with this module's require so that it is the same instance (jest has its own registry).
const sdkPath = require.resolve('wx-server-sdk')
const nodeSdkPath = createRequire(sdkPath).resolve('@cloudbase/node-sdk')
const databasePath = createRequire(nodeSdkPath).resolve('@cloudbase/database')

const servers = new Map<string, CloudBaseDbStandIn>()

class StandInRequest {
  private readonly env: string
  constructor(config: { env?: string; envName?: string }) {
    this.env = String(config.envName ?? config.env ?? '')
  }
  send(action: string, params: Record<string, unknown>) {
    const server = servers.get(this.env)
    if (!server) throw new Error(`stand-in: no database server for env "${this.env}"`)
    return server.send(action, params)
  }
}

let installed: WxServerSdk | null = null

function install(): WxServerSdk {
  if (installed) return installed
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Db } = require(databasePath) as { Db: Record<string, unknown> }
  Object.defineProperty(Db, 'reqClass', { configurable: true, get: () => StandInRequest, set: () => undefined })
  Db.getAccessToken = async () => ({ accessToken: 'stand-in' })
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const cloud = require(sdkPath) as WxServerSdk
  cloud.init({ env: 'stand-in' })
  installed = cloud
  return cloud
}

let envs = 0

/** A fresh stand-in database server and the real wx-server-sdk database client talking to it. */
export function standInCloudDatabase(): { server: CloudBaseDbStandIn; db: WxDatabase } {
  const cloud = install()
  const server = new CloudBaseDbStandIn(`stand-in-${++envs}`)
  servers.set(server.env, server)
  return { server, db: cloud.database({ env: server.env }) }
}
