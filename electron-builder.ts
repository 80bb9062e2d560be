import type { Configuration } from 'electron-builder'

/**
 * Packaging settings (electron-builder finds this file by its name). The targets and the npm
 * script come with the packaging issue; the fuses are here already because they are part of the
 * app's security: electron-builder flips them in the Electron binary before signing, and
 * tests/hostile/electronChecklist.test.ts checks every one against @electron/fuses' list.
 */
const config: Configuration = {
  appId: 'org.staffroom.app',
  productName: 'Staffroom',
  // electron-vite's output; production node_modules are added by electron-builder itself and
  // better-sqlite3 is rebuilt for Electron's ABI on the way (npmRebuild, on by default).
  files: ['out/**/*', 'package.json'],
  asar: true,
  // A native module cannot be loaded from inside the archive.
  asarUnpack: ['node_modules/better-sqlite3/**/*'],
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js interpreter.
    runAsNode: false,
    // NODE_OPTIONS / NODE_EXTRA_CA_CERTS and --inspect would let anyone who can start the app inject code or certificates.
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    // Only the app's own, integrity-checked app.asar is loaded (both fuses are needed for that).
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The app is served from app://; the one file:// page (the hidden PDF window) needs no extra powers.
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  },
}

export default config
