/**
 * automerge-repo 2.5 can leave a rejected promise unhandled when a document asked for before any
 * peer answered is still on its way after its 60 s wait (seen during a 75 s initial sync of a big
 * workspace; the document arrives and is indexed anyway). Node would end the process on it. The
 * long-running shells install this: such timeouts are logged once a minute at most, anything
 * else unhandled still ends the process as before.
 */
export function tolerateSyncTimeouts(log: (message: string) => void, now: () => number = Date.now): (reason: unknown) => void {
  let lastLogged = -Infinity
  let suppressed = 0
  return (reason) => {
    const isRepoTimeout = reason instanceof Error && reason.name === 'TimeoutError' && /withTimeout: timed out/.test(reason.message)
    if (!isRepoTimeout) throw reason
    if (now() - lastLogged < 60_000) {
      suppressed++
      return
    }
    log(`a document request timed out while waiting for a peer${suppressed > 0 ? ` (and ${suppressed} more)` : ''}; it is fetched when the peer sends it`)
    lastLogged = now()
    suppressed = 0
  }
}
