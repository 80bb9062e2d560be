import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { join } from 'node:path'
import * as A from '@automerge/automerge'

// The stock server listens on every interface; this preload makes a bare-port listen loopback only.
const loopbackOnly = `data:text/javascript,${encodeURIComponent(`
import net from 'node:net'
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  if ((typeof args[0] === 'number' || /^\\d+$/.test(String(args[0]))) && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1')
  return listen.apply(this, args)
}
`)}`

export interface RelayTestServer {
  url: string
  port: number
  dataDir: string
  /** Ids of the documents the server has stored (its NodeFS layout: DATA_DIR/<id[0..2]>/<id[2..]>/…). */
  storedDocumentIds(): string[]
  /** The document as the server stored it, or undefined if it has nothing for that id. */
  storedDocument<T>(documentId: string): A.Doc<T> | undefined
  stop(): Promise<void>
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts the real `@automerge/automerge-repo-sync-server` (its own automerge-repo) as a child
 * process on 127.0.0.1 with DATA_DIR in `dir`, and resolves once it listens (10 s at most).
 */
export async function startRelayTestServer(dir: string, port?: number): Promise<RelayTestServer> {
  const dataDir = join(dir, 'relay-data')
  mkdirSync(dataDir, { recursive: true })
  const listenPort = port ?? (await freePort())
  const entry = createRequire(import.meta.url).resolve('@automerge/automerge-repo-sync-server')
  const child = spawn(process.execPath, ['--import', loopbackOnly, entry], {
    cwd: dir,
    env: { PATH: process.env.PATH, PORT: String(listenPort), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the sync server did not start in 10 s: ${output}`)), 10_000)
    const fail = (error: Error) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(error)
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (/Listening on port/.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => fail(new Error(`the sync server exited (${code}): ${output}`)))
  })
  return {
    url: `ws://127.0.0.1:${listenPort}/`,
    port: listenPort,
    dataDir,
    storedDocumentIds: () => storedDocumentIds(dataDir),
    storedDocument: <T>(documentId: string) => storedDocument<T>(dataDir, documentId),
    stop: () => stopChild(child),
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 3_000)
    child.once('exit', () => {
      clearTimeout(hard)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

function storedDocumentIds(dataDir: string): string[] {
  const ids: string[] = []
  for (const head of readdirSync(dataDir)) {
    const headPath = join(dataDir, head)
    if (!statSync(headPath).isDirectory()) continue
    for (const rest of readdirSync(headPath)) if (statSync(join(headPath, rest)).isDirectory()) ids.push(head + rest)
  }
  return ids.sort()
}

/**
 * The relay compacts while it runs: it writes a new snapshot, then deletes the chunks it replaces,
 * so a chunk listed here may be gone by the time it is read. Its changes are in the new snapshot
 * then, and reading everything again sees it.
 */
function storedDocument<T>(dataDir: string, documentId: string): A.Doc<T> | undefined {
  for (let attempt = 1; ; attempt++) {
    try {
      return readStoredDocument<T>(dataDir, documentId)
    } catch (error) {
      const vanished = (error as NodeJS.ErrnoException).code === 'ENOENT'
      if (!vanished || attempt === 5) throw error
    }
  }
}

function readStoredDocument<T>(dataDir: string, documentId: string): A.Doc<T> | undefined {
  const root = join(dataDir, documentId.slice(0, 2), documentId.slice(2))
  let doc = A.init<T>()
  let chunks = 0
  for (const kind of ['snapshot', 'incremental']) {
    let names: string[]
    try {
      names = readdirSync(join(root, kind))
    } catch {
      continue
    }
    for (const name of names) {
      doc = A.loadIncremental(doc, readFileSync(join(root, kind, name)))
      chunks++
    }
  }
  return chunks === 0 ? undefined : doc
}
