// Is the Electron executable installed? Read from node_modules/electron/path.txt and dist/, never by
// require('electron'), which would start a download as a side effect.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** @returns {{ present: true, executable: string } | { present: false }} */
export function electronBinaryStatus(electronDir, fs = { existsSync, readFileSync }) {
  const pathFile = path.join(electronDir, 'path.txt')
  if (!fs.existsSync(pathFile)) return { present: false }
  const relative = String(fs.readFileSync(pathFile, 'utf8')).trim()
  if (!relative) return { present: false }
  const executable = path.join(electronDir, 'dist', relative)
  return fs.existsSync(executable) ? { present: true, executable } : { present: false }
}
