import { contract, type ActionName, type ActionSpec, type FunctionName } from '@/domain/contract'
import { needsDemoLogin } from '@/platform/login'
import { useSession } from '@/stores/session'

/**
 * Whether a page may call an action now: a public one always; any other once someone is signed in
 * (the web build's demo login; in WeChat everyone is). Read by useCloud and usePagedList, so pages
 * do not each work it out.
 */
export function useMayCall<F extends FunctionName>(fn: F, action: ActionName<F>): boolean {
  const signedIn = useSession((s) => !needsDemoLogin || Boolean(s.token))
  const spec = (contract[fn] as Record<string, ActionSpec>)[action as string]
  return spec.access === 'public' || signedIn
}
