import path from 'node:path'

/** The local host's settings, from the environment. */
export interface ServerConfig {
  port: number
  dataDir: string
  /** Where the h5 build is served from. */
  webRoot: string
  /** Largest JSON body /api/cloud accepts. */
  maxBodyBytes: number
  /** How long a demo session token lasts. */
  sessionTtlMs: number
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const root = path.resolve(__dirname, '..')
  return {
    port: env.PORT ? Number(env.PORT) : 3000,
    dataDir: path.resolve(root, env.DATA_DIR || '.data'),
    webRoot: path.join(root, 'dist', 'h5'),
    maxBodyBytes: 64 * 1024,
    sessionTtlMs: 7 * 24 * 3600 * 1000,
  }
}
