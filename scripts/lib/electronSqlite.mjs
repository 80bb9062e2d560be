// Where the Electron build of better-sqlite3 lives, and how to explain a failed build in one line.
// Shared by scripts/build-electron-sqlite.mjs and scripts/start.mjs; src/main/electron/nativeBinding.ts
// follows the same layout (a test checks that they agree).
import path from 'node:path'

export function electronSqliteDir(repoRoot, electronVersion) {
  return path.join(repoRoot, 'native', `electron-${electronVersion}`)
}

export function electronSqliteBindingPath(repoRoot, electronVersion) {
  return path.join(electronSqliteDir(repoRoot, electronVersion), 'better_sqlite3.node')
}

/** Turns node-gyp's log into one sentence a person can act on. */
export function explainBuildFailure(log, electronVersion) {
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up|\b40[34]\b|tunneling socket|network connectivity|behind a proxy/i.test(log))
    return `Electron ${electronVersion}'s headers could not be downloaded from https://electronjs.org/headers (is this machine offline?)`
  if (/not found: (make|g\+\+|cc)|gyp ERR! find Python|could not find any Python|No Xcode|Visual Studio/i.test(log))
    return 'a C++ toolchain (Python, make and a compiler) is needed to build it'
  const lastError = log
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /error/i.test(line))
    .at(-1)
  return lastError ? lastError.slice(0, 200) : 'node-gyp failed'
}
