// cli.ts as a test child: the same runCli, real core and real signals, with the renderer folder
// given as the first argument (a test has no built out/renderer).
import { runCliProcess } from '../runCliProcess'

const [rendererDir = '', ...argv] = process.argv.slice(2)
runCliProcess(argv, rendererDir)
