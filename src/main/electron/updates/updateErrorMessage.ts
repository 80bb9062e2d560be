/** The teacher sees these; the raw error goes to the log. */
export const updateMessages = {
  offline: 'Could not reach the update server; check the connection and try again.',
  noFeed: 'The update server has no update for this version of Staffroom right now; try again later.',
  notConfigured: 'This copy of Staffroom is not set up to look for updates; get new versions where you got this one.',
  serverTrouble: 'The update server is having trouble; try again later.',
  badSignature: 'The downloaded update did not pass its safety check (its signature or checksum was wrong), so it was not installed. Try again later.',
  diskFull: 'There is not enough free disk space to download the update. Free some space and try again.',
  other: 'Something went wrong with the update; try again later.',
} as const

/** Chromium's (net::ERR_…) and Node's names for "the network is not there". */
const offlineCodes = [
  'ERR_INTERNET_DISCONNECTED', 'ERR_NAME_NOT_RESOLVED', 'ERR_NAME_RESOLUTION_FAILED', 'ERR_NETWORK_CHANGED', 'ERR_NETWORK_ACCESS_DENIED',
  'ERR_CONNECTION_REFUSED', 'ERR_CONNECTION_RESET', 'ERR_CONNECTION_CLOSED', 'ERR_CONNECTION_TIMED_OUT', 'ERR_CONNECTION_FAILED',
  'ERR_ADDRESS_UNREACHABLE', 'ERR_TIMED_OUT', 'ERR_PROXY_CONNECTION_FAILED', 'ERR_TUNNEL_CONNECTION_FAILED', 'ERR_NETWORK_IO_SUSPENDED',
  'ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EPIPE',
]
/** electron-updater's codes for "the feed has nothing for us". */
const noFeedCodes = ['ERR_UPDATER_CHANNEL_FILE_NOT_FOUND', 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND', 'ERR_UPDATER_NO_PUBLISHED_VERSIONS', 'ERR_UPDATER_RELEASE_NOT_FOUND', 'ERR_UPDATER_ASSET_NOT_FOUND', 'ERR_UPDATER_NO_FILES_PROVIDED', 'ERR_UPDATER_INVALID_UPDATE_INFO']
const badSignatureCodes = ['ERR_UPDATER_INVALID_SIGNATURE', 'ERR_CHECKSUM_MISMATCH', 'ERR_UPDATER_NO_CHECKSUM']

function codeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' ? code : ''
}

function textOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * What an electron-updater failure means to a teacher. Judged by the error's code first and its
 * message second (Chromium's net errors and Squirrel.Mac's code-signing errors come as text only).
 */
export function updateErrorMessage(error: unknown): string {
  const code = codeOf(error)
  const text = textOf(error)
  const status = code.startsWith('HTTP_ERROR_') ? Number(code.slice('HTTP_ERROR_'.length)) : undefined
  const mentions = (names: readonly string[]) => names.includes(code) || names.some((name) => text.includes(name))
  if (mentions(badSignatureCodes) || /code ?sign|signature|not signed|checksum mismatch/i.test(text)) return updateMessages.badSignature
  if (code === 'ENOSPC' || /ENOSPC|no space left/i.test(text)) return updateMessages.diskFull
  if (code === 'ENOENT' && /app-update\.yml/.test(text)) return updateMessages.notConfigured
  if (mentions(['ERR_UPDATER_INVALID_PROVIDER_CONFIGURATION', 'ERR_UPDATER_UNSUPPORTED_PROVIDER'])) return updateMessages.notConfigured
  if (mentions(offlineCodes) || /socket hang up|getaddrinfo|network/i.test(text)) return updateMessages.offline
  if (status === 404 || mentions(noFeedCodes)) return updateMessages.noFeed
  if (status !== undefined && status >= 500) return updateMessages.serverTrouble
  return updateMessages.other
}

/** The log line for a failure: its name, code and message, never shown to the teacher. */
export function rawUpdateError(error: unknown): string {
  const code = codeOf(error)
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return code && !text.includes(code) ? `${text} (${code})` : text
}
