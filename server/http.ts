import type { IncomingMessage, ServerResponse } from 'node:http'
import { CloudError, type CloudErrorBody, type ErrorCode } from '../src/domain/errors'

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

/** Reads a JSON body of at most `limit` bytes; a larger or malformed one is a coded error. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw new CloudError('PAYLOAD_TOO_LARGE')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new CloudError('PAYLOAD_TOO_LARGE')
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text.trim()) throw new CloudError('BAD_REQUEST', '请求内容为空')
  try {
    return JSON.parse(text)
  } catch {
    throw new CloudError('BAD_REQUEST', '请求内容不是有效的 JSON')
  }
}
