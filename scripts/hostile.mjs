// `npm run test:hostile`: the hostile-world suite (docs/RELIABILITY.md). Node tests first (crashes, chaos,
// hostile peers and files, disk trouble, upgrades, the Electron checklist), then hostile pages in Chromium,
// then one table of what was tried. STAFFROOM_HOSTILE_LONG=1 runs the long budget.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
rmSync(join(root, 'test-results', 'hostile'), { recursive: true, force: true })

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run('npx', ['vitest', 'run', '--project', 'hostile'])
run('npm', ['run', 'build', '--silent'])
run('npx', ['playwright', 'test', '--project', 'hostile'])
run('node', [join(root, 'scripts', 'hostile-summary.mjs')])
