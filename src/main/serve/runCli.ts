import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Core, CoreOptions } from '../core/Core'
import { databaseFileName } from '../core/storage/openDatabase'
import { CliUsageError, parseCliArgs, usage, type CliCommand } from './cliArgs'
import { ProgressReporter } from './ProgressReporter'
import { startServeShell } from './startServeShell'

/** Everything the CLI touches outside itself, so each command runs in-process under test. */
export interface CliEnvironment {
  openCore(options: CoreOptions): Promise<Core>
  /** Writes one line to standard output. */
  out(line: string): void
  /** Writes one line to standard error. */
  err(line: string): void
  /** The folder of the built renderer (out/renderer). */
  rendererDir: string
  /** The profile folder when --data is not given. */
  defaultProfileDir(): string
  /** Resolves when the user asks serve to stop (SIGINT, SIGTERM). */
  waitForStopRequest(): Promise<string>
  now(): number
}

export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const

/** Runs one command and returns the process exit status; every failure is one line on stderr. */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<number> {
  let command: CliCommand
  try {
    command = parseCliArgs(argv)
  } catch (error) {
    env.err(`staffroom: ${oneLine(error)}`)
    return exitCodes.usage
  }
  try {
    switch (command.command) {
      case 'help':
        env.out(usage)
        return exitCodes.ok
      case 'serve':
        return await serve(env, profileDir(command.dataDir, env), command.port)
      case 'reindex':
        return await withCore(env, existingProfileDir(command.dataDir, env), (core) => reindex(env, core))
      case 'stats':
        return await withCore(env, existingProfileDir(command.dataDir, env), (core) => stats(env, core, command.json))
    }
  } catch (error) {
    env.err(`staffroom: ${oneLine(error)}`)
    return error instanceof CliUsageError ? exitCodes.usage : exitCodes.failure
  }
}

async function serve(env: CliEnvironment, dataDir: string, port: number): Promise<number> {
  if (!existsSync(path.join(env.rendererDir, 'index.html')))
    throw new Error(`the app is not built (${path.join(env.rendererDir, 'index.html')} is missing): run \`npm run build\` first, or use \`npm run serve\``)
  const core = await env.openCore({ dataDir, shell: 'serve' })
  let shell
  try {
    shell = await startServeShell({ core, port, host: '127.0.0.1', rendererDir: env.rendererDir })
  } catch (error) {
    await core.shutdown()
    throw new Error(listenFailure(error, port))
  }
  env.out(`Staffroom is serving the profile in ${dataDir}`)
  env.out('Open this address in your browser (it holds a secret: do not share it):')
  env.out(`  ${shell.url}`)
  env.out('Press Ctrl+C to stop.')
  const signal = await env.waitForStopRequest()
  env.out(`Stopping (${signal}): closing connections and saving changes…`)
  await shell.close()
  await core.shutdown()
  env.out('Stopped. Everything is saved.')
  return exitCodes.ok
}

async function reindex(env: CliEnvironment, core: Core): Promise<number> {
  const started = env.now()
  const progress = new ProgressReporter((line) => env.out(line), 'Reindexing')
  const { documents } = await core.reindex((p) => progress.report(p.done, p.total))
  env.out(`Reindexed ${documents} document${documents === 1 ? '' : 's'} in ${((env.now() - started) / 1000).toFixed(1)} s.`)
  return exitCodes.ok
}

async function stats(env: CliEnvironment, core: Core, json: boolean): Promise<number> {
  const counts = core.stats()
  if (json) {
    env.out(JSON.stringify(counts))
    return exitCodes.ok
  }
  const rows = Object.entries(counts).map(([kind, count]) => [humanise(kind), String(count)] as const)
  const width = Math.max(...rows.map(([label]) => label.length))
  env.out(`Profile: ${core.dataDir}`)
  for (const [label, count] of rows) env.out(`  ${label.padEnd(width)}  ${count.padStart(10)}`)
  return exitCodes.ok
}

async function withCore(env: CliEnvironment, dataDir: string, work: (core: Core) => Promise<number>): Promise<number> {
  const core = await env.openCore({ dataDir, shell: 'node' })
  try {
    return await work(core)
  } finally {
    await core.shutdown()
  }
}

function profileDir(given: string | undefined, env: CliEnvironment): string {
  return given === undefined ? env.defaultProfileDir() : path.resolve(given)
}

/** reindex and stats read a profile; creating an empty one by a typo would only confuse. */
function existingProfileDir(given: string | undefined, env: CliEnvironment): string {
  const dir = profileDir(given, env)
  if (!existsSync(dir)) throw new Error(`no Staffroom profile at ${dir} (the folder does not exist)`)
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`)
  if (!existsSync(path.join(dir, databaseFileName))) throw new Error(`no Staffroom profile at ${dir} (it has no ${databaseFileName})`)
  return dir
}

function listenFailure(error: unknown, port: number): string {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'EADDRINUSE') return `port ${port} is in use by another program: choose another with --port N (0 picks a free one)`
  if (code === 'EACCES') return `not allowed to listen on port ${port}: choose one above 1023 with --port N`
  return `could not listen on 127.0.0.1:${port}: ${oneLine(error)}`
}

/** "notesInTrash" -> "notes in trash" */
function humanise(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
}

export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0]?.trim() || 'unknown error'
}
