// npm run bench:network — loads 10,000 contacts / 100,000 interactions through the core and
// prints the times to open the contacts list and to search, then compares collection layouts.
// The scale test runs at a small size in the default suite; this sets the size to full. The layout
// comparison is a measurement only (*.bench-test.ts, vitest project 'bench'), never part of npm test.
import { spawnSync } from 'node:child_process'

const tests = ['src/main/core/network/networkScale.test.ts', 'src/main/core/network/collectionGranularity.bench-test.ts']
const vitestArgs = ['run', '--project', 'node', '--project', 'bench', ...tests]
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', ...vitestArgs], {
  stdio: 'inherit',
  env: { ...process.env, STAFFROOM_BENCH_NETWORK: '1' },
})
process.exit(result.status ?? 1)
