import { parseArgs } from 'node:util'
import { defaultSyncPort } from '../core/sync/startSync'

export const defaultServePort = 4280

export type CliCommand =
  | { command: 'help' }
  | { command: 'serve'; dataDir?: string; port: number; deviceName?: string; sync: { host: string; port: number | 'default'; pairingPort: number | 'default'; mdns: boolean } | 'off' }
  | { command: 'invite-create'; dataDir?: string; own: boolean; noteIds: string[]; minutes?: number; json: boolean }
  | { command: 'invite-accept'; dataDir?: string; code: string; json: boolean }
  | { command: 'devices'; dataDir?: string; json: boolean }
  | { command: 'peers'; dataDir?: string; json: boolean }
  | { command: 'reindex'; dataDir?: string }
  | { command: 'stats'; dataDir?: string; json: boolean }

/** A mistake in how the command was typed; exits with status 2 like most Unix tools. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError'
}

export const usage = `Usage: staffroom <command> [options]

Commands:
  serve    [--data DIR] [--port N]   Serve Staffroom to your browser on http://127.0.0.1:N (default ${defaultServePort}; 0 = any free port)
           [--sync-port N|off] [--pairing-port N] [--sync-host H] [--mdns on|off] [--device-name NAME]
                                     and accept paired devices on H:N over TLS (default 0.0.0.0:${defaultSyncPort}, pairing on N+1);
                                     --mdns: find paired devices on the LAN by mDNS (default on when H is 0.0.0.0 or ::);
                                     --device-name: how this device introduces itself to colleagues (default: the computer's name)
  reindex  [--data DIR]              Rebuild the search index from the documents
  stats    [--data DIR] [--json]     Count what the profile holds, by kind
  invite create [--own] [--note ID]... [--minutes N] [--json]
                                     An invite code and staffroom:// link for a colleague (sharing the notes given)
                                     or, with --own, for another device of yours (needs a running serve)
  invite accept CODE [--json]        Pair with the device that made the invite
  devices  [--data DIR] [--json]     The paired devices, with their ids
  peers    [--data DIR] [--json]     Which paired devices are connected now

Options:
  --data DIR   The profile folder (default: $STAFFROOM_DATA_DIR, else the OS's app-data folder)
  --help       Show this help

While serve runs, invite, devices and peers talk to it; otherwise they open the profile themselves.

Example: npm run serve -- --data ~/staffroom-test --port 4280`

const optionsByCommand = {
  serve: {
    data: { type: 'string' },
    port: { type: 'string' },
    'sync-port': { type: 'string' },
    'pairing-port': { type: 'string' },
    'sync-host': { type: 'string' },
    mdns: { type: 'string' },
    'device-name': { type: 'string' },
  },
  reindex: { data: { type: 'string' } },
  stats: { data: { type: 'string' }, json: { type: 'boolean' } },
  invite: { data: { type: 'string' }, json: { type: 'boolean' }, own: { type: 'boolean' }, note: { type: 'string', multiple: true }, minutes: { type: 'string' } },
  devices: { data: { type: 'string' }, json: { type: 'boolean' } },
  peers: { data: { type: 'string' }, json: { type: 'boolean' } },
} as const

type CommandName = keyof typeof optionsByCommand

function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(optionsByCommand, name)
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { command: 'help' }
  if (!isCommandName(name)) throw new CliUsageError(`unknown command '${name}' (try: serve, reindex, stats, invite, devices, peers, --help)`)
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help' }

  let values: Record<string, string | boolean | string[] | undefined>
  let positionals: string[]
  try {
    const parsed = parseArgs({ args: rest, options: optionsByCommand[name], strict: true, allowPositionals: name === 'invite' })
    values = parsed.values as Record<string, string | boolean | string[] | undefined>
    positionals = parsed.positionals
  } catch (error) {
    // parseArgs explains itself well ("Unknown option '--x'"); keep its first sentence.
    throw new CliUsageError(`${name}: ${String((error as Error).message).split('\n')[0]}`)
  }
  const dataDir = typeof values.data === 'string' ? nonEmpty(values.data, '--data') : undefined
  const json = values.json === true
  switch (name) {
    case 'serve':
      return { command: 'serve', dataDir, port: parsePort(values.port), sync: parseSync(values), ...parseDeviceName(values['device-name']) }
    case 'invite':
      return parseInvite(positionals, values, dataDir)
    case 'devices':
    case 'peers':
      return { command: name, dataDir, json }
    case 'reindex':
      return { command: 'reindex', dataDir }
    case 'stats':
      return { command: 'stats', dataDir, json: values.json === true }
  }
}

function parseSync(values: Record<string, string | boolean | string[] | undefined>): Extract<CliCommand, { command: 'serve' }>['sync'] {
  const syncPort = values['sync-port']
  if (syncPort === 'off') return 'off'
  const host = typeof values['sync-host'] === 'string' ? nonEmpty(values['sync-host'], '--sync-host') : '0.0.0.0'
  return {
    host,
    port: syncPort === undefined ? 'default' : parsePort(syncPort),
    pairingPort: values['pairing-port'] === undefined ? 'default' : parsePort(values['pairing-port']),
    mdns: parseMdns(values.mdns, host),
  }
}

function parseDeviceName(value: string | boolean | string[] | undefined): { deviceName?: string } {
  if (value === undefined) return {}
  const name = String(value).trim()
  if (name === '') throw new CliUsageError('--device-name needs a name, e.g. "Ms Diallo’s laptop"')
  if (name.length > 100) throw new CliUsageError('bad --device-name: at most 100 characters')
  return { deviceName: name }
}

/** mDNS advertises and browses on every interface, so it is on by default only when sync listens on all of them. */
function parseMdns(value: string | boolean | string[] | undefined, host: string): boolean {
  if (value === undefined) return host === '0.0.0.0' || host === '::'
  if (value === 'on' || value === 'off') return value === 'on'
  throw new CliUsageError(`bad --mdns '${String(value)}': give on or off`)
}

function parseInvite(positionals: string[], values: Record<string, string | boolean | string[] | undefined>, dataDir: string | undefined): CliCommand {
  const [action, ...more] = positionals
  const json = values.json === true
  if (action === 'create' && more.length === 0) {
    const minutes = values.minutes === undefined ? undefined : Number(values.minutes)
    if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 5 || minutes > 10_080))
      throw new CliUsageError(`bad --minutes '${String(values.minutes)}': give whole minutes from 5 to 10080 (a week)`)
    const noteIds = Array.isArray(values.note) ? values.note : []
    if (values.own === true && noteIds.length > 0) throw new CliUsageError('an invite for your own device shares everything: leave out --note')
    return { command: 'invite-create', dataDir, own: values.own === true, noteIds, minutes, json }
  }
  if (action === 'accept' && more.length === 1) return { command: 'invite-accept', dataDir, code: more[0]!, json }
  if (action === 'accept') throw new CliUsageError('invite accept needs the code (or staffroom:// link), in quotes if it has spaces')
  throw new CliUsageError("invite: say 'create' or 'accept CODE'")
}

export function parsePort(text: string | boolean | string[] | undefined): number {
  if (text === undefined) return defaultServePort
  if (typeof text !== 'string' || !/^\d{1,5}$/.test(text) || Number(text) > 65535)
    throw new CliUsageError(`bad port '${String(text)}': give a number from 0 to 65535 (0 = any free port)`)
  return Number(text)
}

function nonEmpty(value: string, option: string): string {
  if (value.trim() === '') throw new CliUsageError(`${option} needs a folder`)
  return value
}
