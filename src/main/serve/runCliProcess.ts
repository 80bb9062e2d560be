import { createCore } from '../core/createCore'
import { tolerateSyncTimeouts } from '../core/sync/tolerateSyncTimeouts'
import { defaultProfileDir } from './profileDir'
import { runCli } from './runCli'
import { waitForStopSignal } from './stopSignal'

/**
 * Runs one CLI command in this process with the real core, stdout/stderr and signals, then exits
 * explicitly: the work is done and flushed, and no stray timer should keep a script waiting.
 */
export function runCliProcess(argv: readonly string[], rendererDir: string): void {
  process.on('unhandledRejection', tolerateSyncTimeouts((line) => process.stderr.write(`staffroom: ${line}\n`)))
  void runCli(argv, {
    openCore: createCore,
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    rendererDir,
    defaultProfileDir: () => defaultProfileDir(),
    waitForStopRequest: () => waitForStopSignal(),
    now: () => performance.now(),
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`staffroom: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exit(1)
    },
  )
}
