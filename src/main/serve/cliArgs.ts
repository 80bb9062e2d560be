import { parseArgs } from 'node:util'

export const defaultServePort = 4280

export type CliCommand =
  | { command: 'help' }
  | { command: 'serve'; dataDir?: string; port: number }
  | { command: 'reindex'; dataDir?: string }
  | { command: 'stats'; dataDir?: string; json: boolean }

/** A mistake in how the command was typed; exits with status 2 like most Unix tools. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError'
}

export const usage = `Usage: staffroom <command> [options]

Commands:
  serve    [--data DIR] [--port N]   Serve Staffroom to your browser on http://127.0.0.1:N (default ${defaultServePort}; 0 = any free port)
  reindex  [--data DIR]              Rebuild the search index from the documents
  stats    [--data DIR] [--json]     Count what the profile holds, by kind

Options:
  --data DIR   The profile folder (default: $STAFFROOM_DATA_DIR, else the OS's app-data folder)
  --help       Show this help

Example: npm run serve -- --data ~/staffroom-test --port 4280`

const optionsByCommand = {
  serve: { data: { type: 'string' }, port: { type: 'string' } },
  reindex: { data: { type: 'string' } },
  stats: { data: { type: 'string' }, json: { type: 'boolean' } },
} as const

type CommandName = keyof typeof optionsByCommand

function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(optionsByCommand, name)
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { command: 'help' }
  if (!isCommandName(name)) throw new CliUsageError(`unknown command '${name}' (try: serve, reindex, stats, --help)`)
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help' }

  let values: Record<string, string | boolean | undefined>
  try {
    const parsed = parseArgs({ args: rest, options: optionsByCommand[name], strict: true, allowPositionals: false })
    values = parsed.values as Record<string, string | boolean | undefined>
  } catch (error) {
    // parseArgs explains itself well ("Unknown option '--x'"); keep its first sentence.
    throw new CliUsageError(`${name}: ${String((error as Error).message).split('\n')[0]}`)
  }
  const dataDir = typeof values.data === 'string' ? nonEmpty(values.data, '--data') : undefined
  switch (name) {
    case 'serve':
      return { command: 'serve', dataDir, port: parsePort(values.port) }
    case 'reindex':
      return { command: 'reindex', dataDir }
    case 'stats':
      return { command: 'stats', dataDir, json: values.json === true }
  }
}

export function parsePort(text: string | boolean | undefined): number {
  if (text === undefined) return defaultServePort
  if (typeof text !== 'string' || !/^\d{1,5}$/.test(text) || Number(text) > 65535)
    throw new CliUsageError(`bad port '${String(text)}': give a number from 0 to 65535 (0 = any free port)`)
  return Number(text)
}

function nonEmpty(value: string, option: string): string {
  if (value.trim() === '') throw new CliUsageError(`${option} needs a folder`)
  return value
}
