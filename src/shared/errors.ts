/** Error codes that cross the RPC boundary; the UI maps each to a toast. */
export const errorCodes = [
  'bad-request',
  'unknown-method',
  'not-found',
  'too-large',
  'unauthorized',
  'profile-in-use',
  /** The disk holding the profile is full: the change may not be saved (storage/diskFull.ts). */
  'disk-full',
  'internal',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export interface ApiErrorShape {
  code: ErrorCode
  message: string
}

/** An error a handler throws on purpose; its message is shown to the user as is. */
export class ApiError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'ApiError'
    this.code = code
  }
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape }
