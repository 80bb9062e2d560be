// Draws the one icon source image, resources/icon-source.png, from shapes (lib/drawSource.mjs).
// After changing the drawing, run this and then `npm run icons`.
//   --out <file>   write there instead
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { drawIconSource } from './lib/drawSource.mjs'
import { encodePng } from './lib/png.mjs'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { values } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: false })
const target = path.resolve(values.out ?? path.join(repoRoot, 'resources/icon-source.png'))
writeFileSync(target, encodePng(drawIconSource()))
console.log(`Wrote ${path.relative(process.cwd(), target)}. Now run \`npm run icons\`.`)
