import { expect, it } from 'vitest'
import { tolerateSyncTimeouts } from './tolerateSyncTimeouts'

function repoTimeout(): Error {
  const error = new Error('withTimeout: timed out after 60000ms')
  error.name = 'TimeoutError'
  return error
}

it('logs automerge-repo request timeouts at most once a minute and rethrows anything else', () => {
  const logged: string[] = []
  let clock = 0
  const onUnhandled = tolerateSyncTimeouts((line) => logged.push(line), () => clock)
  onUnhandled(repoTimeout())
  onUnhandled(repoTimeout())
  onUnhandled(repoTimeout())
  clock = 61_000
  onUnhandled(repoTimeout())
  expect(logged).toEqual([
    'a document request timed out while waiting for a peer; it is fetched when the peer sends it',
    'a document request timed out while waiting for a peer (and 2 more); it is fetched when the peer sends it',
  ])
  const other = new Error('something else')
  expect(() => onUnhandled(other)).toThrow(other)
  expect(() => onUnhandled('a string')).toThrow()
})
