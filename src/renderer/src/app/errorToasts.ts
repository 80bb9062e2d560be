import { notifications } from '@mantine/notifications'
import type { ApiClient } from '@shared/api/ApiClient'
import type { ApiErrorShape, ErrorCode } from '@shared/errors'

const titles: Record<ErrorCode, string> = {
  'bad-request': 'That did not work',
  'unknown-method': 'Staffroom is out of date',
  'not-found': 'Not found',
  'too-large': 'Too large',
  unauthorized: 'Not signed in',
  'profile-in-use': 'Profile in use',
  'disk-full': 'Disk full',
  internal: 'Something went wrong',
}

/**
 * One toast per distinct error at a time: while the core is unreachable every background refresh
 * fails the same way, and a stack of identical toasts would bury everything else. Mantine ignores
 * `show` for an id that is already on screen or queued; once the toast closes, the next failure
 * shows it again.
 */
export function showErrorToast(title: string, message: string) {
  notifications.show({ id: errorToastId(title, message), color: 'red', title, message, autoClose: 8000 })
}

function errorToastId(title: string, message: string): string {
  return `error:${title}:${message}`
}

export function showApiError(error: ApiErrorShape) {
  showErrorToast(titles[error.code] ?? titles.internal, error.message)
}

/** Wraps a client so every error envelope becomes a toast; callers still get the envelope to branch on. */
export function withErrorToasts(api: ApiClient, report: (error: ApiErrorShape) => void = showApiError): ApiClient {
  return {
    call: async (method, args) => {
      const result = await api.call(method, args)
      if (!result.ok) report(result.error)
      return result
    },
    on: (event, listener) => api.on(event, listener),
  }
}
