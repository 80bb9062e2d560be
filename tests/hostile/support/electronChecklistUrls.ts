import fc from 'fast-check'
import { maxExternalUrlLength } from '@shared/links'
import type { IpcInvokeEventLike } from '../../../src/main/electron/ports'

/** The app's own pages, written the ways Chromium could report them. */
const appUrl = fc
  .tuple(fc.constantFrom('index.html', '', 'notes/1', 'assets/index.js'), fc.constantFrom('', '#/notes', '?q=1', '#/contacts/a%20b'))
  .map(([page, rest]) => `app://staffroom/${page}${rest}`)

/** Look-alikes of the app's origin: other schemes, hosts that merely start or end with ours, credentials, ports. */
const lookAlike = fc
  .tuple(
    fc.constantFrom('app', 'APP', 'file', 'http', 'https', 'javascript', 'mailto', 'staffroom', 'data', 'blob', 'smb', 'ms-settings', 'vbscript', 'chrome', 'devtools'),
    fc.constantFrom('://', ':', ':///', '://\\', ':////'),
    fc.constantFrom('staffroom', 'STAFFROOM', 'staffroom.evil.example', 'evil.example', 'staffroom:80', 'user:pw@staffroom', 'staffroom@evil.example', '', 'staffroom%2eevil', '127.0.0.1', 'example.org', 'etc/passwd', 'alert(1)//'),
    fc.constantFrom('/', '/index.html', '/../secret', '/%2e%2e/secret', '?x=app://staffroom/', '#app://staffroom/'),
  )
  .map(([scheme, separator, host, rest]) => `${scheme}${separator}${host}${rest}`)

/** Text a page could put anywhere: leading spaces and controls, quotes, very long links, not URLs at all. */
const messy = fc.oneof(
  fc.tuple(fc.constantFrom(' ', '\t', '\n', '\u0000', '\u001f', ''), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom('', ' ', '"', "' --x", '\r\n', '%00')).map(([before, url, after]) => before + url + after),
  fc.emailAddress().map((address) => `mailto:${address}?subject=Hello there&body="x"`),
  fc.nat({ max: 3000 }).map((length) => `https://example.org/${'a'.repeat(length)}`),
  fc.string({ maxLength: 80 }),
)

/** Any URL a hostile page could navigate to, redirect to or window.open. */
export const hostileUrl: fc.Arbitrary<string> = fc.oneof({ arbitrary: appUrl, weight: 1 }, { arbitrary: lookAlike, weight: 3 }, { arbitrary: messy, weight: 3 })

/** The checklist's own reading of "the app's page": app://staffroom exactly, no credentials, no port. */
export function isAppUrl(url: string): boolean {
  if (!URL.canParse(url)) return false
  const parsed = new URL(url)
  return parsed.protocol === 'app:' && parsed.host === 'staffroom' && parsed.username === '' && parsed.password === ''
}

/** What may be handed to the OS: a parseable https link with a host, or mailto:; no credentials, not too long. */
export function mayReachTheOs(url: string): boolean {
  if (!URL.canParse(url)) return false
  const parsed = new URL(url)
  if (parsed.href.length > maxExternalUrlLength || parsed.username !== '' || parsed.password !== '') return false
  return parsed.protocol === 'mailto:' || (parsed.protocol === 'https:' && parsed.hostname !== '')
}

/** An IPC message's sender as Electron describes it: some web contents, some frame (or none), top or nested. */
export function ipcSender(trustedId: number): fc.Arbitrary<IpcInvokeEventLike> {
  return fc.record({
    // Weighted so that about one message in five comes from the app's own top frame and must get through.
    sender: fc.record({ id: fc.oneof({ arbitrary: fc.constant(trustedId), weight: 3 }, { arbitrary: fc.integer({ min: -1, max: 10_000 }), weight: 1 }) }),
    senderFrame: fc.option(fc.record({ url: fc.oneof({ arbitrary: appUrl, weight: 2 }, { arbitrary: hostileUrl, weight: 1 }), parent: fc.option(fc.constant({}), { nil: null, freq: 2 }) }), {
      nil: null,
      freq: 8,
    }),
  })
}
