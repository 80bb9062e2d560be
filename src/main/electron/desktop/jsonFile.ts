import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** What reading one of the shell's small JSON files found. */
export type JsonFileRead = { kind: 'missing' } | { kind: 'read'; value: unknown } | { kind: 'unreadable'; reason: string }

/** The shell's own files are a few hundred bytes; anything far bigger was not written by us. */
const maxBytes = 64 * 1024

/** Reads a small JSON file; never throws (a damaged file must not stop the app from starting). */
export function readJsonFile(file: string): JsonFileRead {
  try {
    const size = statSync(file).size
    if (size > maxBytes) return { kind: 'unreadable', reason: `it is ${size} bytes, far more than it should be` }
    return { kind: 'read', value: JSON.parse(readFileSync(file, 'utf8')) as unknown }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) }
  }
}

/** Writes beside the file and renames over it, so a crash mid-write leaves the old file whole. */
export function writeJsonFileAtomic(file: string, value: unknown): void {
  writeTextFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`)
}

export function writeTextFileAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, text)
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}

/** A plain object (not an array, not null), for checking parsed JSON field by field. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
