import type { z } from 'zod'
import { apiArgs, isApiMethod, type ApiHandlers } from '@shared/api'
import { ApiError, type RpcResult } from '@shared/errors'
import { diskFullMessage, isDiskFull } from '../storage/diskFull'

export type Dispatch = (method: string, args: unknown) => Promise<RpcResult<unknown>>

/**
 * The boundary every RPC crosses: looks the method up, validates the arguments with the
 * contract's zod schema and runs the handler. Never throws; every outcome is an envelope, and
 * unexpected errors are logged here and reach the caller only as a generic message.
 */
export function createDispatch(handlers: ApiHandlers, log: (message: string, error: unknown) => void = console.error): Dispatch {
  return async (method, args) => {
    try {
      if (typeof method !== 'string' || !isApiMethod(method)) {
        return failure('unknown-method', `Unknown method: ${String(method).slice(0, 100)}`)
      }
      const parsed = apiArgs[method].safeParse(args ?? {})
      if (!parsed.success) return failure('bad-request', describeIssues(parsed.error))
      const handler = handlers[method] as (args: unknown) => unknown
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      if (error instanceof ApiError) return failure(error.code, error.message)
      // Not a bug to hide behind "something went wrong": the user can fix it, so say what it is.
      if (isDiskFull(error)) return failure('disk-full', diskFullMessage)
      log(`staffroom: ${String(method).slice(0, 100)} failed`, error)
      return failure('internal', 'Something went wrong inside Staffroom. Your data is safe; please try again.')
    }
  }
}

function failure(code: ApiError['code'], message: string): RpcResult<never> {
  return { ok: false, error: { code, message } }
}

/** "title: Too long (max 300)"-style text, one issue per clause. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map(String).join('.')
      return path ? `${path}: ${issueMessage(issue)}` : issueMessage(issue)
    })
    .join('; ')
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? `Too long (max ${issue.maximum})` : issue.origin === 'array' ? `Too many (max ${issue.maximum})` : `Too large (max ${issue.maximum})`
    case 'too_small':
      return issue.origin === 'string' ? (issue.minimum === 1 ? 'Required' : `Too short (min ${issue.minimum})`) : `Too small (min ${issue.minimum})`
    case 'invalid_type':
      return `Expected ${issue.expected}`
    default:
      return issue.message
  }
}
