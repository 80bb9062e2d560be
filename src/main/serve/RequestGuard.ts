import type { IncomingMessage } from 'node:http'
import type { SessionToken } from './SessionToken'

export type GuardVerdict =
  | { ok: true; /** The token came in the query: set the cookie and drop it from the address bar. */ tokenInQuery: boolean }
  | { ok: false; status: 403; reason: string }

export const refusalReasons = {
  host: 'Wrong Host header: open the URL that `staffroom serve` printed (requests through other host names are refused).',
  token: 'Missing or wrong session token: open the URL that `staffroom serve` printed.',
  origin: 'Cross-origin request refused: only pages served by this `staffroom serve` may do this.',
} as const

/**
 * Decides whether a request may reach the app. Three independent checks:
 * - Host must name this loopback server, so a DNS-rebinding page (evil.example -> 127.0.0.1) is refused;
 * - the session token, from the cookie or the `?token=` query, compared in constant time;
 * - Origin, for WebSockets and state-changing requests, must be this very server (browsers do not
 *   apply the same-origin policy to WebSockets, so the server has to).
 */
export class RequestGuard {
  private readonly allowedHosts: Set<string>

  constructor(
    private readonly token: SessionToken,
    readonly port: number,
  ) {
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  }

  /** Cookies are scoped by host but not by port, so the port is part of the name: two serves never clobber each other. */
  get cookieName(): string {
    return `staffroom_session_${this.port}`
  }

  sessionCookie(): string {
    return `${this.cookieName}=${this.token.value}; Path=/; HttpOnly; SameSite=Strict`
  }

  check(request: IncomingMessage, options: { requireOrigin: boolean }): GuardVerdict {
    const host = request.headers.host
    if (!host || !this.allowedHosts.has(host.toLowerCase())) return refuse(refusalReasons.host)

    const queryToken = tokenFromQuery(request.url)
    const tokenInQuery = this.token.matches(queryToken)
    if (!tokenInQuery && !this.token.matches(readCookie(request.headers.cookie, this.cookieName)))
      return refuse(refusalReasons.token)

    const origin = request.headers.origin
    if (options.requireOrigin || origin !== undefined) {
      // Same origin means the scheme, host and port the browser used to reach us, which Host already vouched for.
      if (origin?.toLowerCase() !== `http://${host.toLowerCase()}`) return refuse(refusalReasons.origin)
    }
    return { ok: true, tokenInQuery }
  }
}

function refuse(reason: string): GuardVerdict {
  return { ok: false, status: 403, reason }
}

export function tokenFromQuery(url: string | undefined): string | null {
  if (!url) return null
  return new URL(url, 'http://placeholder').searchParams.get('token')
}

/** The same path and query without `token`, for the redirect that takes the secret out of the address bar. */
export function withoutToken(url: string | undefined): string {
  const parsed = new URL(url ?? '/', 'http://placeholder')
  parsed.searchParams.delete('token')
  return parsed.pathname + parsed.search + parsed.hash
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}
