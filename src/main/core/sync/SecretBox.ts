/**
 * Protects the device's private key at rest. The desktop shell passes one backed by the OS
 * keychain (Electron safeStorage); serve and the CLI, which have no keychain to ask, keep the key
 * as it is, protected by the profile folder's permissions (see docs/DECISIONS.md).
 */
export interface SecretBox {
  /** Stored next to the secret, so a profile opened by another shell knows how to read it. */
  readonly scheme: string
  seal(secret: Buffer): Buffer
  open(sealed: Buffer): Buffer
}

export const plainSecretBox: SecretBox = {
  scheme: 'plain',
  seal: (secret) => Buffer.from(secret),
  open: (sealed) => Buffer.from(sealed),
}
