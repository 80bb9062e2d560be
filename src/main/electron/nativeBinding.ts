import path from 'node:path'

/** Same layout as scripts/lib/electronSqlite.mjs, which builds the file (a test checks they agree). */
export function electronSqliteBindingPath(appRoot: string, electronVersion: string): string {
  return path.join(appRoot, 'native', `electron-${electronVersion}`, 'better_sqlite3.node')
}

export type NativeBindingChoice = { ok: true; nativeBinding?: string } | { ok: false; message: string }

/**
 * Which better-sqlite3 binary the Electron shell hands the core. node_modules holds the Node build
 * (tests, serve), which Electron cannot load; the Electron build sits beside it in native/. A packaged
 * app has its node_modules rebuilt for Electron by the packager, so it may fall back to the default.
 */
export function chooseNativeBinding(options: {
  appRoot: string
  electronVersion: string
  isPackaged: boolean
  exists: (file: string) => boolean
}): NativeBindingChoice {
  const file = electronSqliteBindingPath(options.appRoot, options.electronVersion)
  if (options.exists(file)) return { ok: true, nativeBinding: file }
  if (options.isPackaged) return { ok: true }
  return {
    ok: false,
    message:
      `Staffroom's database module (better-sqlite3) is not built for Electron ${options.electronVersion} yet (${file} is missing). ` +
      'Run `npm run rebuild:electron-sqlite` once (it downloads Electron\'s headers), then start again; `npm run serve` works meanwhile.',
  }
}
