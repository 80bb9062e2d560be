import * as A from '@automerge/automerge'
import type { DocHandle } from '@automerge/automerge-repo'
import { ApiError } from '@shared/errors'

/**
 * Resolves once the handle's document contains `heads` (changes arrive from the renderer's Repo
 * or a peer a little after the request that names them), or refuses after `timeoutMs`.
 */
export function waitForHeads<T>(handle: DocHandle<T>, heads: A.Heads, timeoutMs: number): Promise<void> {
  if (A.hasHeads(handle.doc(), heads)) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!A.hasHeads(handle.doc(), heads)) return
      finish()
      resolve()
    }
    const seconds = Math.max(1, Math.round(timeoutMs / 1000))
    const timer = setTimeout(() => {
      finish()
      reject(new ApiError('bad-request', `The selected text did not reach this device within ${seconds} second${seconds === 1 ? '' : 's'}, so the comment was not added. Try again.`))
    }, timeoutMs)
    const finish = () => {
      clearTimeout(timer)
      handle.off('change', check)
      handle.off('heads-changed', check)
    }
    handle.on('change', check)
    handle.on('heads-changed', check)
  })
}
