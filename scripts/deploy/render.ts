import type { ApplyReport, Invitation } from './apply'
import type { IndexDef, Plan, Step } from './plan'

/** Plain-words text of a plan and of what applying it did. Variable values never appear: steps carry names only. */

const fields = (index: IndexDef) => index.keys.map((k) => k.field).join(' + ')
const marks = (index: IndexDef) => [index.unique ? 'UNIQUE' : '', index.keys.some((k) => k.direction === '2dsphere') ? 'GEO (2dsphere)' : ''].filter(Boolean).join(', ')
const aclWords = (acl: string) => (acl === 'ADMINONLY' ? 'ADMINONLY: no client reads or writes; only the cloud functions' : acl)

export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'createCollection':
      return `create collection ${step.collection}`
    case 'setDatabaseAcl':
      return `set rule of ${step.collection} to ${aclWords(step.acl)}${step.was ? ` (was ${step.was})` : ''}`
    case 'dropIndex':
      return `drop index ${step.collection}.${step.index}: ${step.reason}`
    case 'createIndex': {
      const m = marks(step.index)
      return `create index ${step.collection}.${step.index.name} on ${fields(step.index)}${m ? `  [${m}]` : ''}`
    }
    case 'setStorageRule':
      return [
        `set the storage rule (custom${step.was ? `; was ${step.was}` : ''}): clients read only join-poster codes, write only their own files under aid/`,
        `read:  ${String(step.rule.read)}`,
        `write: ${String(step.rule.write)}`,
      ].join('\n')
    case 'createFunction':
      return [
        `${step.replacesFailed ? 're-create (an earlier try left it CreateFailed)' : 'create'} function ${step.fn}: ${step.runtime}, timeout ${step.timeoutSeconds} s, memory ${step.memoryMB} MB, code ${step.codeHash.slice(0, 12)}, dependencies installed in the cloud`,
        `variables (names only): ${step.variables.join(', ') || 'none'}${step.notGiven.length ? `; not given here: ${step.notGiven.join(', ')}` : ''}`,
      ].join('\n')
    case 'updateCode':
      return `upload code of ${step.fn} (${step.codeHash.slice(0, 12)}), dependencies installed in the cloud`
    case 'configureFunction': {
      const parts = [
        step.timeoutSeconds ? `timeout ${step.timeoutSeconds.from ?? '?'} s → ${step.timeoutSeconds.to} s` : '',
        step.memoryMB ? `memory ${step.memoryMB.from ?? '?'} MB → ${step.memoryMB.to} MB` : '',
        step.changedVariables.length ? `variables ${step.changedVariables.join(', ')} set (values not shown)` : '',
        step.codeHash ? `record code ${step.codeHash.slice(0, 12)} as deployed` : '',
      ].filter(Boolean)
      return `configure function ${step.fn}: ${parts.join('; ')}`
    }
    case 'deleteTrigger':
      return `delete timer ${step.fn}.${step.trigger}: ${step.reason}`
    case 'createTrigger':
      return `create timer ${step.fn}.${step.trigger.name}: "${step.trigger.cron}" (second minute hour day month weekday year, China time)`
    case 'inviteFirstAdmin':
      return `ask ${step.fn} for a first-administrator invitation (${step.reason}${step.force ? '; replaces an open one' : '; none is made if an administrator or an open invitation exists'})`
    case 'rebuildFigures':
      return `ask ${step.fn} to make the staff figures' counters from the records if it has none (${step.reason}; nothing changes where counters exist)`
    case 'backfillAidLevels':
      return `ask ${step.fn}, a batch at a time until done, to give 金秋助学 applications and objections stored before their reviewing unions (${step.reason}; rows that have them are left alone)`
    case 'backfillStationTerms':
      return `ask ${step.fn} to give stations stored before their search keys, one batch a call until it says done (${step.reason}; nothing changes where every station has them)`
  }
}

const section = (step: Step) =>
  step.kind === 'createCollection' || step.kind === 'setDatabaseAcl' || step.kind === 'createIndex' || step.kind === 'dropIndex'
    ? 'Database'
    : step.kind === 'setStorageRule'
      ? 'Storage'
      : step.kind === 'inviteFirstAdmin'
        ? 'First administrator'
        : step.kind === 'rebuildFigures' || step.kind === 'backfillAidLevels' || step.kind === 'backfillStationTerms'
          ? 'Data'
          : step.kind === 'createTrigger' || step.kind === 'deleteTrigger'
            ? 'Timer triggers'
            : 'Functions'

/** The first line of a step's description: enough in a list of what was and was not done. */
export const oneLine = (step: Step) => describeStep(step).split('\n')[0]

export function formatPlan(plan: Plan, title: string): string {
  const lines = [title, '']
  if (!plan.steps.length) lines.push('Nothing to change: the environment is as this build wants it.')
  let current = ''
  for (const [i, step] of plan.steps.entries()) {
    const s = section(step)
    if (s !== current) {
      lines.push(`${s}:`)
      current = s
    }
    lines.push(`  ${String(i + 1).padStart(3)}. ${describeStep(step).split('\n').join('\n         ')}`)
  }
  if (plan.notes.length) lines.push('', 'Left as it is:', ...plan.notes.map((n) => `  - ${n}`))
  if (plan.blockers.length) lines.push('', 'Refused (nothing will be changed until this is resolved):', ...plan.blockers.map((b) => `  - ${b}`))
  lines.push('', `${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}.`)
  return lines.join('\n')
}

export function formatReport(report: ApplyReport): string {
  const lines: string[] = []
  if (!report.failed) {
    lines.push(`Done: ${report.done.length} step${report.done.length === 1 ? '' : 's'}, all of the plan.`)
    return lines.join('\n')
  }
  lines.push('', 'The deploy stopped.')
  lines.push(`Done (${report.done.length}):`, ...(report.done.length ? report.done.map((s) => `  ✓ ${oneLine(s)}`) : ['  nothing']))
  lines.push(`Failed:`, `  ✗ ${oneLine(report.failed.step)}`, `    because: ${report.failed.message}`)
  lines.push(`Not done (${report.notDone.length}):`, ...(report.notDone.length ? report.notDone.map((s) => `  - ${oneLine(s)}`) : ['  nothing']))
  lines.push('', 'Nothing done was undone. Run `npm run deploy:cloud` again once the cause is fixed: it reads what exists and does only the rest.')
  if ([report.failed.step, ...report.notDone].some((s) => s.kind === 'backfillStationTerms' || s.kind === 'backfillAidLevels')) {
    lines.push('A backfill was not finished: once the rest is done, run `npm run deploy:cloud -- --backfill` to finish it.')
  }
  if ([report.failed.step, ...report.notDone].some((s) => s.kind === 'inviteFirstAdmin')) {
    lines.push('The first-administrator invitation was not made: once the rest is done, run `npm run deploy:cloud -- --new-admin-invite` to get one.')
  }
  return lines.join('\n')
}

export function formatInvitation(invitation: Invitation | null, pngFile: string | null): string {
  if (!invitation) return 'First administrator: no invitation made (an administrator or an open invitation already exists; --new-admin-invite makes a new one).'
  return [
    'First administrator invitation — whoever opens it becomes a clerk of the root union. Hand it over privately.',
    `  expires:          ${invitation.expiresAt}`,
    `  mini-program:     page ${invitation.weappPage}, scene ${invitation.scene}`,
    `  web:              ${invitation.webPath}`,
    `  小程序码 (scan):   ${pngFile ?? 'none (the function could not make one; use the page and scene above)'}`,
  ].join('\n')
}
