// npm run bench:coedit — two paired cores share a project; one character typed into its body on
// one core is timed until the other core holds it (300 samples after warm-up). Prints the median,
// 95th and 99th percentiles and writes bench/results/coedit-latency.json. A measurement (vitest
// project 'bench'), never part of npm test.
import { spawnSync } from 'node:child_process'

const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'bench', 'src/main/core/spaces/trace/coEditLatency.bench-test.ts'], { stdio: 'inherit' })
process.exit(result.status ?? 1)
