// `staffroom` for admins and scripts: out/main/cli.js, run by `npm run cli -- <command>` and `npm run serve`.
import { fileURLToPath } from 'node:url'
import { createCore } from '../core/createCore'
import { defaultProfileDir } from './profileDir'
import { runCli } from './runCli'
import { waitForStopSignal } from './stopSignal'

// Built to out/main/cli.js; the renderer build sits beside it in out/renderer.
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url))

void runCli(process.argv.slice(2), {
  openCore: createCore,
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  rendererDir,
  defaultProfileDir: () => defaultProfileDir(),
  waitForStopRequest: () => waitForStopSignal(),
  now: () => performance.now(),
}).then(
  // Exit explicitly: the work is done and flushed, and no stray timer should keep a script waiting.
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`staffroom: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
