import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Core, CoreOptions } from '../core/Core'
import { databaseFileName } from '../core/storage/openDatabase'
import type { ApiMethod, ApiResults } from '@shared/api'
import type { RpcResult } from '@shared/errors'
import { callRunningServe } from './callRunningServe'
import { defaultSyncPort, startSync } from '../core/sync/startSync'
import { CliUsageError, parseCliArgs, usage, type CliCommand } from './cliArgs'
import { ProgressReporter } from './ProgressReporter'
import { ServeControlFile } from './ServeControlFile'
import { startServeShell } from './startServeShell'
import { devices, inviteAccept, inviteCreate, peers } from './syncCommands'

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
        return await serve(env, profileDir(command.dataDir, env), command.port, command.sync, command.deviceName)
      case 'reindex':
        return await withCore(env, existingProfileDir(command.dataDir, env), (core) => reindex(env, core))
      case 'stats':
        return await withCore(env, existingProfileDir(command.dataDir, env), (core) => stats(env, core, command.json))
      case 'invite-create':
        return await withApi(env, existingProfileDir(command.dataDir, env), (api) => inviteCreate(env, api, command))
      case 'invite-accept':
        return await withApi(env, existingProfileDir(command.dataDir, env), (api) => inviteAccept(env, api, command))
      case 'devices':
        return await withApi(env, existingProfileDir(command.dataDir, env), (api) => devices(env, api, command.json))
      case 'peers':
        return await withApi(env, existingProfileDir(command.dataDir, env), (api) => peers(env, api, command.json))
    }
  } catch (error) {
    env.err(`staffroom: ${oneLine(error)}`)
    return error instanceof CliUsageError ? exitCodes.usage : exitCodes.failure
  }
}

type ServeSync = Extract<CliCommand, { command: 'serve' }>['sync']

async function serve(env: CliEnvironment, dataDir: string, port: number, sync: ServeSync, deviceName?: string): Promise<number> {
  if (!existsSync(path.join(env.rendererDir, 'index.html')))
    throw new Error(`the app is not built (${path.join(env.rendererDir, 'index.html')} is missing): run \`npm run build\` first, or use \`npm run serve\``)
  const core = await env.openCore({ dataDir, shell: 'serve', ...(deviceName ? { deviceName } : {}) })
  let shell
  try {
    shell = await startServeShell({ core, port, host: '127.0.0.1', rendererDir: env.rendererDir })
  } catch (error) {
    await core.shutdown()
    throw new Error(listenFailure(error, port))
  }
  const control = new ServeControlFile(dataDir)
  try {
    env.out(`Staffroom is serving the profile in ${dataDir}`)
    env.out(`This device: ${core.sync.identity.deviceId.match(/.{1,4}/g)!.join('-')}`)
    if (sync !== 'off') {
      const listening = await startSyncFor(core, sync)
      env.out(`Accepting paired devices on ${sync.host}:${listening.port} (TLS; pairing on port ${listening.pairingPort})`)
    }
    control.write({ pid: process.pid, port: new URL(shell.url).port === '' ? port : Number(new URL(shell.url).port), token: new URL(shell.url).searchParams.get('token') ?? '' })
    env.out('Open this address in your browser (it holds a secret: do not share it):')
    env.out(`  ${shell.url}`)
    env.out('Press Ctrl+C to stop.')
  } catch (error) {
    control.remove()
    await shell.close()
    await core.shutdown()
    throw error
  }
  const signal = await env.waitForStopRequest()
  env.out(`Stopping (${signal}): closing connections and saving changes…`)
  control.remove()
  await shell.close()
  await core.shutdown()
  env.out('Stopped. Everything is saved.')
  return exitCodes.ok
}

/** Sync on the usual ports (or any free ones if those are taken); explicit ports must be free. */
async function startSyncFor(core: Core, sync: Exclude<ServeSync, 'off'>): Promise<{ port: number; pairingPort: number }> {
  try {
    return await startSync(core.sync, { host: sync.host, port: sync.port, pairingPort: sync.pairingPort, lanDiscovery: sync.mdns })
  } catch (error) {
    throw new Error(`sync: ${listenFailure(error, sync.port === 'default' ? defaultSyncPort : sync.port)}`)
  }
}

export type CallApi = <M extends ApiMethod>(method: M, args: unknown) => Promise<RpcResult<ApiResults[M]>>

/** Runs a command against the serve that holds this profile, or, if none runs, against the profile itself. */
async function withApi(env: CliEnvironment, dataDir: string, work: (api: CallApi) => Promise<number>): Promise<number> {
  const running = new ServeControlFile(dataDir).read()
  if (running) return work(((method, args) => callRunningServe(running, method, args)) as CallApi)
  return withCore(env, dataDir, (core) => work(((method, args) => core.dispatch(method, args)) as CallApi))
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
