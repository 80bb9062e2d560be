import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export interface ServeControl {
  pid: number
  port: number
  token: string
}

const fileName = 'serve.json'

/**
 * While serve runs it holds the profile exclusively, so other commands (invite, devices, peers)
 * reach it through its RPC instead. This file, readable only by its owner, says where and with
 * which session token; it is removed when serve stops, and ignored if its process is gone.
 */
export class ServeControlFile {
  private readonly file: string

  constructor(dataDir: string) {
    this.file = path.join(dataDir, fileName)
  }

  write(control: ServeControl): void {
    writeFileSync(this.file, JSON.stringify(control), { mode: 0o600 })
  }

  remove(): void {
    rmSync(this.file, { force: true })
  }

  /** The running serve's address and token, or undefined if none is running for this profile. */
  read(): ServeControl | undefined {
    let control: ServeControl
    try {
      control = JSON.parse(readFileSync(this.file, 'utf8')) as ServeControl
    } catch {
      return undefined
    }
    if (!Number.isInteger(control.pid) || !Number.isInteger(control.port) || typeof control.token !== 'string') return undefined
    return isAlive(control.pid) ? control : undefined
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
