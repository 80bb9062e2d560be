/**
 * automerge-repo 2.5 rejects, unhandled, a sync's 60 s wait for a document that a peer had but
 * that never arrived before its core shut down (a chaos restart, or the end of a run): the shells
 * tolerate exactly this (src/main/core/sync/tolerateSyncTimeouts.ts). In this file's worker, the
 * unhandled-rejection listeners (Vitest's) are wrapped to skip only these timeouts and count them;
 * anything else unhandled still reaches them and fails the run.
 */
export function tolerateRepoTimeouts(): { count: () => number } {
  let tolerated = 0
  for (const listener of process.listeners('unhandledRejection')) {
    process.off('unhandledRejection', listener)
    process.on('unhandledRejection', (reason, promise) => {
      if (isRepoTimeout(reason)) tolerated++
      else listener(reason, promise)
    })
  }
  return { count: () => tolerated }
}

function isRepoTimeout(reason: unknown): boolean {
  return reason instanceof Error && reason.name === 'TimeoutError' && /withTimeout: timed out/.test(reason.message)
}
