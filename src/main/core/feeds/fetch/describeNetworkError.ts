import { fetchError, type FetchError } from './feedFetchTypes'

const CAUSES: Record<string, string> = {
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the server closed the connection',
  ENOTFOUND: 'no such server was found (check the address, or the internet connection)',
  EAI_AGAIN: 'the server name could not be looked up (is the computer offline?)',
  EHOSTUNREACH: 'the server cannot be reached from this network',
  ENETUNREACH: 'the network is unreachable (is the computer offline?)',
  ETIMEDOUT: 'the connection timed out',
  EPIPE: 'the connection broke',
}

const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/

/** A request error from node's http client, in words a teacher can act on. */
export function describeNetworkError(error: Error & { code?: string }, host: string): FetchError {
  const code = error.code ?? ''
  if (CERTIFICATE.test(code)) {
    return fetchError('network', `The secure connection to ${host} failed: its certificate is not trusted (${code}). Staffroom does not read feeds over an untrusted connection.`)
  }
  const cause = CAUSES[code] ?? `${error.message || 'the connection failed'}`
  return fetchError('network', `Could not fetch the feed from ${host}: ${cause}.`)
}
