import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { runTogether } from './runTogether.mjs'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'staffroom-run-together-'))
  const scripts = {
    slow: 'node -e "setTimeout(() => console.log(\'slow done\'), 300)"',
    quick: 'node -e "console.log(\'quick done\')"',
    broken: 'node -e "console.error(\'broken says why\'); process.exit(3)"',
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture', private: true, scripts }))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('passes when every script passes, printing each output whole in the order they end', async () => {
  const written: string[] = []
  expect(await runTogether(['slow', 'quick'], { cwd: dir, write: (text) => written.push(text) })).toBe(0)
  expect(written).toHaveLength(2)
  expect(written[0]).toMatch(/npm run quick .*passed.*\nquick done/s)
  expect(written[1]).toMatch(/npm run slow .*passed.*\nslow done/s)
})

it('fails when one script fails, and still shows the other one and why', async () => {
  const written: string[] = []
  expect(await runTogether(['broken', 'quick'], { cwd: dir, write: (text) => written.push(text) })).toBe(1)
  expect(written.join('')).toMatch(/npm run broken .*failed with 3.*broken says why/s)
  expect(written.join('')).toContain('quick done')
})
