import * as v from 'valibot'

/**
 * Who may call an action. 'user' needs a verified identity (WeChat OPENID, or the local server's
 * session token); 'public' may be called without one; 'system' only by the platform's timer (a
 * WeChat timer trigger, or the local server's own schedule), never by a person or over HTTP.
 */
export type Access = 'public' | 'user' | 'system'

export interface ActionSpec<I extends v.GenericSchema = v.GenericSchema, O extends v.GenericSchema = v.GenericSchema> {
  access: Access
  input: I
  /** The result's shape. Not checked at run time in production; the cloud tests check it. */
  output: O
  /** A one-line summary for readers of the contract. */
  summary: string
  /**
   * The input carries the caller's own personal data (a form, a file, a phone number): the app asks
   * for the privacy agreement before sending it, and sends nothing if the person declines
   * (src/services/cloud.ts). The cloud's checks do not depend on it.
   */
  personal?: true
}

export function defineAction<I extends v.GenericSchema, O extends v.GenericSchema>(spec: ActionSpec<I, O>): ActionSpec<I, O> {
  return spec
}

export type FunctionSpec = Record<string, ActionSpec>
