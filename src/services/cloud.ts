import { contract, type ActionInput, type ActionName, type ActionOutput, type ActionSpec, type FunctionName } from '@/domain/contract'
import { CloudError, isErrorCode } from '@/domain/errors'
import { parseInput } from '@/domain/validate'
import { send } from '@/platform/transport'
import { askPrivacy } from '@/stores/privacy'
import { useSession } from '@/stores/session'

function isCloudResult(value: unknown): value is { ok: true; data: unknown } | { ok: false; error: { code: unknown; message: unknown; fields?: Record<string, string> } } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

/**
 * The only way the app reaches the cloud. Input is checked against the contract before it is
 * sent (the cloud checks it again); a failure arrives as a CloudError with a code and a Chinese
 * message the page can show as it is.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, data: ActionInput<F, A>): Promise<ActionOutput<F, A>> {
  const spec = (contract[fn] as Record<string, ActionSpec>)[action]
  parseInput(spec.input, data)
  // Personal data leaves the phone only after the person agreed to the privacy guide.
  if (spec.personal && !(await askPrivacy('personal'))) throw new CloudError('PRIVACY_DECLINED')
  const result = await send(fn, { action, data }, useSession.getState().token)
  if (!isCloudResult(result)) throw new CloudError('INTERNAL')
  if (result.ok) return result.data as ActionOutput<F, A>
  const code = isErrorCode(result.error.code) ? result.error.code : 'INTERNAL'
  if (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED') useSession.getState().signOut()
  throw new CloudError(code, typeof result.error.message === 'string' ? result.error.message : undefined, result.error.fields)
}
