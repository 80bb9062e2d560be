#!/usr/bin/env node
// node scripts/run-together.mjs lint typecheck — runs the npm scripts at once; fails if any fails.
import { runTogether } from './lib/runTogether.mjs'

process.exit(await runTogether(process.argv.slice(2)))
