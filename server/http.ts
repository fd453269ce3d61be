import type { IncomingMessage, ServerResponse } from 'node:http'
import { CloudError, type CloudErrorBody, type ErrorCode } from '../domain/errors'

/** The HTTP status the local server answers with for each error code. */
const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNKNOWN_FUNCTION: 404,
  UNKNOWN_ACTION: 404,
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_MEMBER: 403,
  CONFLICT: 409,
  UNION_NOT_FOUND: 404,
  TRANSFER_SAME_UNION: 409,
  TRANSFER_IN_PROGRESS: 409,
  TRANSFER_STATE: 409,
  UNION_CLOSED: 409,
  UNION_CODE_TAKEN: 409,
  UNION_CLOSE_BLOCKED: 409,
  ALREADY_MEMBER: 409,
  APPLICATION_PENDING: 409,
  ID_NUMBER_HELD: 409,
  RATE_LIMITED: 429,
  ALREADY_DECIDED: 409,
  CARD_INVALID: 400,
  WECHAT_UNAVAILABLE: 502,
  BAD_HOURS: 400,
  STATION_RETIRED: 409,
  STATION_PAUSED: 409,
  STATION_CODE_TAKEN: 409,
  AID_NO_PROGRAMME: 404,
  AID_WINDOW_CLOSED: 409,
  AID_ALREADY_APPLIED: 409,
  AID_DOCUMENTS_MISSING: 400,
  AID_AMOUNT_TOO_HIGH: 400,
  AID_NOTICE_RUNNING: 409,
  AID_OBJECTION_OPEN: 409,
  AID_EXCLUDED: 409,
  AID_MAX_YEARS: 409,
  AID_VISIT_MISSING: 409,
  FILE_TYPE: 415,
  FILE_TOO_LARGE: 413,
  CLOUD_STORAGE_ONLY: 400,
  PRIVACY_DECLINED: 403,
  RIGHTS_KEPT: 409,
  RIGHTS_PENDING: 409,
  RIGHTS_ANSWERED: 409,
  OFFER_NOT_STARTED: 409,
  OFFER_ENDED: 409,
  OFFER_PAUSED: 409,
  SOLD_OUT: 409,
  NOT_ELIGIBLE: 403,
  CLAIM_LIMIT_REACHED: 409,
  COUPON_INVALID: 400,
  COUPON_OTHER_MERCHANT: 403,
  COUPON_USED: 409,
  COUPON_EXPIRED: 409,
  OFFER_STOCK_BELOW_CLAIMED: 409,
  ELIGIBLE_UNION_OUT_OF_REACH: 403,
  INVITE_NOT_FOUND: 404,
  INVITE_USED: 409,
  INVITE_EXPIRED: 410,
  INVITE_CANCELLED: 410,
  INVITE_ACCEPTED: 409,
  INVITE_ROLE_HELD: 409,
  INVITE_ROOT_UNCLEAR: 409,
  INVITE_ENDED: 410,
  INVITE_LAPSED: 410,
  INVITE_OWN: 409,
  INVITE_OUT_OF_REACH: 403,
  ROLE_NOT_REVOCABLE: 403,
  ROLE_ENDED: 409,
  MERCHANT_DUPLICATE: 409,
  MERCHANT_CLOSED: 409,
  MERCHANT_SUSPENDED: 409,
  MERCHANT_OUT_OF_REACH: 403,
  NETWORK: 503,
  INTERNAL: 500,
}

export function statusOf(error: CloudErrorBody): number {
  return STATUS[error.code] ?? 500
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' })
  res.end(text)
}

export function sendError(res: ServerResponse, error: CloudError): void {
  const body = error.toBody()
  sendJson(res, statusOf(body), { ok: false, error: body })
}

/**
 * A path segment as text. Malformed percent-encoding (`%ff`, `%`, a cut-off `%E4%B8`) makes
 * decodeURIComponent throw a URIError, which would be a 500: it is the caller's mistake, so it
 * becomes a name no route knows (a 404 with the usual body).
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return ''
  }
}

/** Reads a body of at most `limit` bytes; a larger one is `tooLarge` (PAYLOAD_TOO_LARGE unless told). */
export async function readBody(req: IncomingMessage, limit: number, tooLarge: ErrorCode = 'PAYLOAD_TOO_LARGE'): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw new CloudError(tooLarge)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new CloudError(tooLarge)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Reads a JSON body of at most `limit` bytes; a larger or malformed one is a coded error. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const text = (await readBody(req, limit)).toString('utf8')
  if (!text.trim()) throw new CloudError('BAD_REQUEST', '请求内容为空')
  try {
    return JSON.parse(text)
  } catch {
    throw new CloudError('BAD_REQUEST', '请求内容不是有效的 JSON')
  }
}
