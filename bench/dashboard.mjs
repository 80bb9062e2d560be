// npm run bench:dashboard — the whole reflection dashboard computed over 10,000 contacts and
// 100,000 interactions (other kinds at generateNetwork's usual proportions) for a one-year range:
// median of warm runs after a first call, for the RPC and for each panel. A measurement (vitest
// project 'bench'), never part of npm test.
import { spawnSync } from 'node:child_process'

const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'bench', 'src/main/core/dashboard/dashboard.bench-test.ts'], { stdio: 'inherit' })
process.exit(result.status ?? 1)
