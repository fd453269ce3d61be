/**
 * npm run deploy:cloud [-- options]: sets up a WeChat Cloud environment from this project, completely
 * and idempotently: collections and indexes from SCHEMA, database and storage rules, every cloud
 * function with its settings, variables and timer triggers, then (on a first deploy) the first
 * administrator's invitation. It reads what exists, plans only the difference, prints the plan and
 * carries it out; a second run finds nothing to do.
 *
 *   --dry-run            print the plan, change nothing. Without credentials: the plan against an
 *                        empty environment (the whole set-up); with them: against what exists.
 *   --new-admin-invite   ask for a new first-administrator invitation even when one is open.
 *   --backfill           run the batch backfills (stations' search keys, 金秋助学's reviewing unions)
 *                        to the end even when their code is as deployed (one an earlier deploy left).
 *   --json               print the plan as JSON (it never holds a variable's value).
 *   --settings <path>    the local settings file (default .deploy.env; git-ignored).
 *   --build-dir <dir>    where to build the functions (default dist/cloudfunctions).
 *
 * Settings (environment, or the local file): TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY
 * [, TENCENTCLOUD_SESSIONTOKEN, TCB_REGION]; the functions' DATA_KEY, HASH_KEY, TOKEN_KEY
 * [, SUBSCRIBE_TEMPLATES, MINIPROGRAM_STATE].
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { functions } from '../../cloud/functions'
import { SCHEDULE } from '../../cloud/functions/schedule'
import { SCHEMA } from '../../cloud/functions/schema'
import { buildCloud, DEFAULT_OUT_DIR } from '../build-cloud'
import { applyPlan, errorText, redact } from './apply'
import { readCurrentState, type CloudApi } from './cloud-api'
import { checkFunctionVariables, credentialsFrom, DEFAULT_ENV_FILE, functionVariablesFrom, readSettings } from './config'
import { desiredState, hashFunctionDir } from './desired'
import { createManagerApi } from './manager'
import { EMPTY_STATE, planDeploy, type CurrentState } from './plan'
import { formatInvitation, formatPlan, formatReport, oneLine } from './render'

const ROOT = path.resolve(__dirname, '../..')

interface Args {
  dryRun: boolean
  newAdminInvite: boolean
  backfill: boolean
  json: boolean
  settingsFile: string
  buildDir: string
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dryRun: false, newAdminInvite: false, backfill: false, json: false, settingsFile: path.join(ROOT, DEFAULT_ENV_FILE), buildDir: DEFAULT_OUT_DIR }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (!v) throw new UsageError(`${a} needs a value`)
      return path.resolve(v)
    }
    if (a === '--dry-run') args.dryRun = true
    else if (a === '--new-admin-invite') args.newAdminInvite = true
    else if (a === '--backfill') args.backfill = true
    else if (a === '--json') args.json = true
    else if (a === '--settings') args.settingsFile = value()
    else if (a === '--build-dir') args.buildDir = value()
    else throw new UsageError(`unknown option ${a}`)
  }
  return args
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  const settings = readSettings(process.env, args.settingsFile)
  const variables = functionVariablesFrom(settings)
  const { config, missing } = credentialsFrom(settings)
  const secrets = [variables.DATA_KEY, variables.HASH_KEY, variables.TOKEN_KEY, variables.CARD_KEY, variables.CARD_KEY_PREVIOUS, config.secretKey, config.token].filter((v): v is string => Boolean(v))
  const say = (text: string) => console.log(redact(text, secrets))

  const problems = checkFunctionVariables(variables, true)
  if (problems.length && !args.dryRun) {
    console.error(`The functions' variables are not ready; nothing was changed:\n- ${problems.join('\n- ')}\nSet them in the environment or in ${path.relative(process.cwd(), args.settingsFile) || args.settingsFile} (see README, "Deploy to WeChat Cloud").`)
    return 1
  }
  if (missing.length && !args.dryRun) {
    console.error(`Missing ${missing.join(', ')}; nothing was changed. Set them in the environment or in ${path.relative(process.cwd(), args.settingsFile) || args.settingsFile} (see README, "Deploy to WeChat Cloud"), or use --dry-run.`)
    return 1
  }

  const built = await buildCloud(args.buildDir)
  const codeHashes = Object.fromEntries(built.map((fn) => [fn.name, hashFunctionDir(fn.dir)]))
  const desired = desiredState({ schema: SCHEMA, functionNames: Object.keys(functions), schedule: SCHEDULE, codeHashes, variables })

  let api: CloudApi | null = null
  let current: CurrentState = EMPTY_STATE
  let title: string
  if (!missing.length) {
    api = await createManagerApi(config)
    try {
      current = await readCurrentState(api, desired)
    } catch (error) {
      console.error(redact(`Could not read environment ${config.envId}: ${errorText(error)}\nNothing was changed. Check the environment id, the API keys and that the keys' account can manage this environment.`, secrets))
      return 1
    }
    title = `Plan for environment ${config.envId}${args.dryRun ? ' (dry run: nothing will be changed)' : ''}:`
  } else {
    title = `Plan against an empty environment (dry run without ${missing.join(', ')}: the whole set-up; nothing is read or changed):`
  }

  const plan = planDeploy(desired, current, { newAdminInvite: args.newAdminInvite, backfill: args.backfill })
  if (args.json) say(JSON.stringify(plan, null, 2))
  else say(formatPlan(plan, title))
  // With --json, stdout is the plan alone.
  if (problems.length) (args.json ? console.error : console.log)(`\nA real deploy would stop here until these are set:\n- ${problems.join('\n- ')}`)
  if (args.dryRun || !api) return 0
  if (plan.blockers.length) {
    console.error('\nNothing was changed.')
    return 1
  }
  if (!plan.steps.length) return 0

  say('')
  const local = variables as Record<string, string | undefined>
  const report = await applyPlan(plan, api, {
    codeDir: (fn) => path.join(args.buildDir, fn),
    variable: (fn, name) => local[name] ?? current.functions[fn]?.variables[name],
    onStep: (step, n, total) => say(`[${n}/${total}] ${oneLine(step)}`),
  })
  say(formatReport(report))
  if (report.invitation !== undefined) {
    let pngFile: string | null = null
    if (report.invitation?.codePng) {
      const file = path.join(ROOT, 'dist', 'deploy', `first-admin-invite-${config.envId}.png`)
      try {
        mkdirSync(path.dirname(file), { recursive: true })
        // Whoever scans it becomes an administrator: readable by this user only.
        writeFileSync(file, Buffer.from(report.invitation.codePng, 'base64'), { mode: 0o600 })
        chmodSync(file, 0o600)
        pngFile = path.relative(process.cwd(), file)
      } catch (error) {
        say(`Could not write the 小程序码 to ${file}: ${(error as Error).message}`)
      }
    }
    say('\n' + formatInvitation(report.invitation, pngFile))
  }
  return report.failed ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\nusage: npm run deploy:cloud -- [--dry-run] [--new-admin-invite] [--backfill] [--json] [--settings <path>] [--build-dir <dir>]`)
      process.exit(2)
    }
    console.error(`The deploy stopped before changing anything: ${errorText(error)}`)
    process.exit(1)
  },
)
