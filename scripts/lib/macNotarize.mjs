// Which Apple notarization credentials the environment holds, in electron-builder 26's own order
// (MacTargetHelper.getNotarizeOptions): Apple ID first, then an App Store Connect API key, then a
// keychain profile. Shared by electron-builder.ts (mac.notarize) and scripts/dist.mjs (its log line).

const methods = [
  { method: 'apple-id', variables: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'], trigger: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD'] },
  { method: 'api-key', variables: ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'], trigger: ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'] },
  { method: 'keychain-profile', variables: ['APPLE_KEYCHAIN_PROFILE'], trigger: ['APPLE_KEYCHAIN_PROFILE'] },
]

const present = (env, name) => typeof env[name] === 'string' && env[name].trim() !== ''

/**
 * @param {Record<string, string | undefined>} env
 * @returns {{ notarize: boolean, method: 'apple-id' | 'api-key' | 'keychain-profile' | null, missing: string[] }}
 *   notarize is true as soon as one set of credentials is started, even incomplete: electron-builder
 *   then stops and names the missing variable, rather than a release shipping un-notarized by a typo.
 */
export function macNotarizeFromEnv(env) {
  for (const { method, variables, trigger } of methods) {
    if (trigger.some((name) => present(env, name))) {
      return { notarize: true, method, missing: variables.filter((name) => !present(env, name)) }
    }
  }
  return { notarize: false, method: null, missing: [] }
}

/** One line for the build log: how the macOS app will be signed and notarized. */
export function macSigningSummary(env) {
  const signing = present(env, 'CSC_LINK')
    ? 'signed with the certificate in CSC_LINK'
    : present(env, 'CSC_NAME')
      ? `signed with the keychain identity "${env.CSC_NAME}"`
      : 'unsigned unless a "Developer ID Application" identity is in the login keychain (CSC_LINK is not set)'
  const { notarize, method, missing } = macNotarizeFromEnv(env)
  const notarizing = !notarize
    ? 'not notarized (no APPLE_ID, APPLE_API_KEY or APPLE_KEYCHAIN_PROFILE credentials): Gatekeeper will warn whoever opens it'
    : missing.length > 0
      ? `notarization credentials incomplete (${method}: ${missing.join(', ')} missing), so electron-builder will stop`
      : `notarized with ${method} credentials`
  return `macOS app: ${signing}; ${notarizing}.`
}
