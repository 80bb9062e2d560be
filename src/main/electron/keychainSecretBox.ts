import type { SecretBox } from '../core/sync/SecretBox'
import type { KeychainPort } from './ports'

/**
 * Seals the device key with the OS keychain, or returns undefined where there is none to use
 * (e.g. Linux without a secret service): the core then keeps the key as it is, protected by the
 * profile folder's permissions, as serve does.
 */
export function keychainSecretBox(keychain: KeychainPort): SecretBox | undefined {
  if (!keychain.isEncryptionAvailable()) return undefined
  return {
    scheme: 'os-keychain',
    seal: (secret) => keychain.encryptString(secret.toString('base64')),
    open: (sealed) => Buffer.from(keychain.decryptString(sealed), 'base64'),
  }
}
