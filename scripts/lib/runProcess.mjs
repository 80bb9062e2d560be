// Child processes for the scripts: bounded (killed after a timeout) and signal-forwarding.
import { spawn } from 'node:child_process'

/**
 * Runs a command, capturing its output, and kills it (by its own pid) if it outlives timeoutMs.
 * @returns {Promise<{ code: number | null, output: string, timedOut: boolean }>}
 */
export function runBounded(command, args, { timeoutMs, cwd, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let timedOut = false
    const collect = (chunk) => (output += chunk.toString())
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true
          child.kill('SIGKILL')
        }, timeoutMs)
      : undefined
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ code: null, output: output + String(error), timedOut })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output, timedOut })
    })
  })
}

/** Runs a command in the foreground (inherited stdio), passing SIGINT/SIGTERM on; resolves with its exit status. */
export function runForeground(command, args, { cwd, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: 'inherit' })
    const forward = (signal) => () => child.kill(signal)
    const onInt = forward('SIGINT')
    const onTerm = forward('SIGTERM')
    process.on('SIGINT', onInt)
    process.on('SIGTERM', onTerm)
    const done = (code) => {
      process.off('SIGINT', onInt)
      process.off('SIGTERM', onTerm)
      resolve(code)
    }
    child.on('error', (error) => {
      process.stderr.write(`staffroom: could not run ${command}: ${error.message}\n`)
      done(1)
    })
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)))
  })
}
