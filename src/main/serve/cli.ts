// `staffroom` for admins and scripts: out/main/cli.js, run by `npm run cli -- <command>` and `npm run serve`.
import { fileURLToPath } from 'node:url'
import { runCliProcess } from './runCliProcess'

// Built to out/main/cli.js; the renderer build sits beside it in out/renderer.
runCliProcess(process.argv.slice(2), fileURLToPath(new URL('../renderer', import.meta.url)))
