import { expect, it } from 'vitest'
import { updaterLogger } from './updaterLogger'

it('writes electron-updater log lines through the shell log, errors with their stack, and no debug lines', () => {
  const logged: string[] = []
  const logger = updaterLogger((line) => logged.push(line))
  logger.info('Checking for update')
  logger.warn('APPIMAGE env is not defined, current application is not an AppImage')
  const failure = new Error('net::ERR_INTERNET_DISCONNECTED')
  logger.error(failure)
  logger.info({ toString: () => 'an object' })
  expect(logger.debug).toBeUndefined()
  expect(logged).toEqual([
    'updater: Checking for update',
    'updater warning: APPIMAGE env is not defined, current application is not an AppImage',
    `updater error: ${failure.stack}`,
    'updater: an object',
  ])
})
