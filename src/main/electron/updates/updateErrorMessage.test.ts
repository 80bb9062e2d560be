import { describe, expect, it } from 'vitest'
import { updaterError } from './testing/FakeUpdater'
import { rawUpdateError, updateErrorMessage, updateMessages } from './updateErrorMessage'

describe('updateErrorMessage', () => {
  it.each([
    ['Chromium offline', updaterError('net::ERR_INTERNET_DISCONNECTED'), updateMessages.offline],
    ['DNS failure', updaterError('net::ERR_NAME_NOT_RESOLVED'), updateMessages.offline],
    ['Node DNS failure', updaterError('getaddrinfo ENOTFOUND github.com', 'ENOTFOUND'), updateMessages.offline],
    ['refused connection', updaterError('connect ECONNREFUSED 10.0.0.1:443', 'ECONNREFUSED'), updateMessages.offline],
    ['timeout', updaterError('net::ERR_CONNECTION_TIMED_OUT'), updateMessages.offline],
    ['no latest.yml', updaterError('Cannot find latest.yml in the latest release artifacts', 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND'), updateMessages.noFeed],
    ['no release yet', updaterError('No published versions on GitHub', 'ERR_UPDATER_NO_PUBLISHED_VERSIONS'), updateMessages.noFeed],
    ['plain 404', updaterError('HttpError: 404 Not Found', 'HTTP_ERROR_404'), updateMessages.noFeed],
    ['server error', updaterError('HttpError: 502 Bad Gateway', 'HTTP_ERROR_502'), updateMessages.serverTrouble],
    ['no app-update.yml', updaterError("ENOENT: no such file or directory, open '/opt/Staffroom/resources/app-update.yml'", 'ENOENT'), updateMessages.notConfigured],
    ['Windows signature', updaterError('New version 1.1.0 is not signed by the application owner', 'ERR_UPDATER_INVALID_SIGNATURE'), updateMessages.badSignature],
    ['macOS signature', updaterError('Code signature at URL file:///Users/ada/Library/Caches/x did not pass validation: code failed to satisfy specified code requirement(s)'), updateMessages.badSignature],
    ['checksum', updaterError('sha512 checksum mismatch, expected abc, got def', 'ERR_CHECKSUM_MISMATCH'), updateMessages.badSignature],
    ['full disk', updaterError('ENOSPC: no space left on device, write', 'ENOSPC'), updateMessages.diskFull],
    ['anything else', updaterError('Unexpected token < in YAML'), updateMessages.other],
    ['not an Error', 'weird', updateMessages.other],
  ])('%s', (_name, error, message) => {
    expect(updateErrorMessage(error)).toBe(message)
  })

  it('logs the name, message and code, and never repeats a code the message has', () => {
    expect(rawUpdateError(updaterError('getaddrinfo ENOTFOUND github.com', 'ENOTFOUND'))).toBe('Error: getaddrinfo ENOTFOUND github.com')
    expect(rawUpdateError(updaterError('Cannot find latest.yml', 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND'))).toBe('Error: Cannot find latest.yml (ERR_UPDATER_CHANNEL_FILE_NOT_FOUND)')
    expect(rawUpdateError(42)).toBe('42')
  })
})
