import path from 'node:path'
import { bundleExtension } from '../../core/bundles/bundleFormat'
import { inviteLinkPrefix } from '../../core/sync/inviteCode'

/** Something the OS asked the app to open: a staffroom:// link or a file. */
export type OpenRequest = { kind: 'link'; url: string } | { kind: 'file'; path: string }

/** Longer than any real invite link (a code is at most 4,000 characters); anything longer is not ours. */
export const maxLinkLength = 4_000

const linkScheme = /^staffroom:/i
// An invite code is "SR1." and base64url; nothing else may reach the page from a link.
const inviteCode = /^[A-Za-z0-9._-]+$/

export interface ArgvContext {
  /** The packaged app's argv is [exe, ...args]; in development it is [exe, appPath, ...args]. */
  isPackaged: boolean
  /** The launching process's working directory: relative file paths are relative to it. */
  cwd: string
  fileExists(file: string): boolean
}

export function isBundlePath(file: string): boolean {
  return file.toLowerCase().endsWith(bundleExtension)
}

/**
 * The links and bundle files in a launch's arguments (the first launch, or another launch handed
 * over in 'second-instance'). Windows and Linux pass both as plain arguments, among switches
 * Chromium and Electron add; only staffroom:// links and existing *.staffroom files count.
 */
export function openRequestsFromArgv(argv: readonly string[], context: ArgvContext): OpenRequest[] {
  const requests: OpenRequest[] = []
  for (const arg of argv.slice(context.isPackaged ? 1 : 2)) {
    if (arg.startsWith('-')) continue
    if (linkScheme.test(arg)) {
      requests.push({ kind: 'link', url: arg })
      continue
    }
    if (!isBundlePath(arg)) continue
    const file = path.resolve(context.cwd, arg)
    if (context.fileExists(file)) requests.push({ kind: 'file', path: file })
  }
  return requests
}

/** The invite code in a staffroom://invite/ link, or why the link is not one. */
export function inviteCodeOf(url: string): { ok: true; code: string } | { ok: false; reason: string } {
  if (url.length > maxLinkLength) return { ok: false, reason: `a link of ${url.length} characters is too long to be an invite` }
  if (!url.toLowerCase().startsWith(inviteLinkPrefix)) return { ok: false, reason: 'only staffroom://invite/ links are opened' }
  // Some OSes and browsers add a slash at the end of a link they pass on.
  const code = url.slice(inviteLinkPrefix.length).replace(/\/$/, '')
  if (!inviteCode.test(code)) return { ok: false, reason: 'the link does not hold an invite code' }
  return { ok: true, code }
}

/** For logs: a hostile link may be long or hold control characters. */
export function describeForLog(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text)
}
