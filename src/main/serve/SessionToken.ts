import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** The secret in the printed URL, like Jupyter's: whoever can read the terminal may open the app. */
export class SessionToken {
  readonly value: string
  private readonly digest: Buffer

  constructor(value: string = randomBytes(32).toString('base64url')) {
    this.value = value
    this.digest = SessionToken.hash(value)
  }

  /** Constant-time comparison; hashing first gives equal lengths, so length leaks nothing either. */
  matches(candidate: string | undefined | null): boolean {
    if (typeof candidate !== 'string' || candidate.length === 0) return false
    return timingSafeEqual(this.digest, SessionToken.hash(candidate))
  }

  private static hash(text: string): Buffer {
    return createHash('sha256').update(text, 'utf8').digest()
  }
}
