// npm run bench:network — loads 10,000 contacts / 100,000 interactions through the core and
// prints the times to open the contacts list and to search, then compares collection layouts.
// The same tests run at a small size in the default suite; this sets the size to full.
import { spawnSync } from 'node:child_process'

const tests = ['src/main/core/network/networkScale.test.ts', 'src/main/core/network/collectionGranularity.test.ts']
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'node', ...tests], {
  stdio: 'inherit',
  env: { ...process.env, STAFFROOM_BENCH_NETWORK: '1' },
})
process.exit(result.status ?? 1)
