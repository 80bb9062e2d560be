// cli.ts as a test child: the same runCli, real core and real signals, with the renderer folder
// given as the first argument (a test has no built out/renderer).
import { createCore } from '../../core/createCore'
import { defaultProfileDir } from '../profileDir'
import { runCli } from '../runCli'
import { waitForStopSignal } from '../stopSignal'

const [rendererDir = '', ...argv] = process.argv.slice(2)
void runCli(argv, {
  openCore: createCore,
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  rendererDir,
  defaultProfileDir: () => defaultProfileDir(),
  waitForStopRequest: () => waitForStopSignal(),
  now: () => performance.now(),
}).then((code) => process.exit(code))
