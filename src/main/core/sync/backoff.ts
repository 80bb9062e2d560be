export interface BackoffPolicy {
  initialMs: number
  maxMs: number
  /** A link that stayed up this long resets the delay to the initial one. */
  stableMs: number
}

export const defaultBackoff: BackoffPolicy = { initialMs: 1_000, maxMs: 60_000, stableMs: 10_000 }

/**
 * The delay before reconnect attempt `attempt` (0-based): doubling from the initial delay up to
 * the cap, with "equal jitter" (half fixed, half random) so devices that lost the same network
 * do not all come back in the same instant.
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30))
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}
