import type { ActionName, FunctionName } from '@domain/contract'
import { ACTION_POLICY, type ActionPolicy } from '@domain/contract/policy'
import { needsDemoLogin } from '@/platform/login'
import { useSession } from '@/stores/session'

/**
 * Whether a page may call an action now: a public one always; any other once someone is signed in
 * (the web build's demo login; in WeChat everyone is). Read by useCloud and usePagedList, so pages
 * do not each work it out.
 */
export function useMayCall<F extends FunctionName>(fn: F, action: ActionName<F>): boolean {
  const signedIn = useSession((s) => !needsDemoLogin || Boolean(s.token))
  const policy = (ACTION_POLICY[fn] as Record<string, ActionPolicy>)[action as string]
  return policy.access === 'public' || signedIn
}
