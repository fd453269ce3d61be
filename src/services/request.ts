import { ACTION_POLICY, type ActionPolicy } from '@domain/contract/policy'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@domain/contract'
import { CloudError, isErrorCode } from '@domain/errors'
import { send } from '@/platform/transport'
import { askPrivacy } from '@/stores/privacy'
import { useSession } from '@/stores/session'

function isCloudResult(value: unknown): value is { ok: true; data: unknown } | { ok: false; error: { code: unknown; message: unknown; fields?: Record<string, string> } } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

/**
 * Reaches the cloud with the contract's schema-free table only (ACTION_POLICY), so what the main
 * package imports (首页, 我的, PageShell, useCloud) never loads the schema library: the cloud
 * checks every input and answers INVALID_INPUT with the same Chinese messages. Forms use `call`
 * (./cloud), which also checks the input before sending. A failure arrives as a CloudError with a
 * code and a Chinese message the page can show as it is.
 */
export async function request<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, data: ActionInput<F, A>): Promise<ActionOutput<F, A>> {
  const policy = (ACTION_POLICY[fn] as Record<string, ActionPolicy>)[action]
  // Personal data leaves the phone only after the person agreed to the privacy guide.
  if (policy.personal && !(await askPrivacy('personal'))) throw new CloudError('PRIVACY_DECLINED')
  const result = await send(fn, { action, data }, useSession.getState().token)
  if (!isCloudResult(result)) throw new CloudError('INTERNAL')
  if (result.ok) return result.data as ActionOutput<F, A>
  const code = isErrorCode(result.error.code) ? result.error.code : 'INTERNAL'
  if (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED') useSession.getState().signOut()
  throw new CloudError(code, typeof result.error.message === 'string' ? result.error.message : undefined, result.error.fields)
}
