// npm run bench:sync — a fresh own device receives a workspace of 10,000 contacts, 100,000
// interactions and 1,000 notes over the mutual-TLS link, then one-character edits travel from one
// device to the other; prints the times. A measurement (vitest project 'bench'), never part of npm test.
import { spawnSync } from 'node:child_process'

const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'bench', 'src/main/core/sync/initialSync.bench-test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, STAFFROOM_BENCH_SYNC: '1' },
})
process.exit(result.status ?? 1)
