// Runs several npm scripts at once (lint and typecheck in `npm test`: each leaves a core idle while it
// waits on I/O), printing each one's output whole when it ends so the logs do not interleave.
import { runBounded } from './runProcess.mjs'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/**
 * @param {string[]} scripts npm script names
 * @param {{ cwd?: string, write?: (text: string) => void }} [options]
 * @returns {Promise<number>} 0 when every script passed, else 1
 */
export async function runTogether(scripts, { cwd, write = (text) => process.stdout.write(text) } = {}) {
  const results = await Promise.all(
    scripts.map(async (name) => {
      const started = performance.now()
      const result = await runBounded(npm, ['run', '--silent', name], { cwd })
      write(`\n> npm run ${name} (${((performance.now() - started) / 1000).toFixed(1)} s, ${result.code === 0 ? 'passed' : `failed with ${result.code}`})\n${result.output}`)
      return result.code === 0
    }),
  )
  return results.every(Boolean) ? 0 : 1
}
