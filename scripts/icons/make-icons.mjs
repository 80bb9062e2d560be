// `npm run icons`: makes every platform's icon from resources/icon-source.png (see docs/RELEASING.md).
//   --check        render in memory and compare with the committed files; exit 1 naming the stale ones
//   --out <dir>    write (or with --check, compare) there instead of resources/
//   --source <png> read another source image
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { staleIconFiles, writeIconFiles } from './lib/iconFiles.mjs'
import { renderIconFiles } from './lib/iconSet.mjs'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** A path as the person typed it would look: relative below the working directory, else absolute. */
const shown = (/** @type {string} */ file) => {
  const relative = path.relative(process.cwd(), file)
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative || '.'
}

function main() {
  let options
  try {
    options = parseArgs({
      options: { check: { type: 'boolean', default: false }, out: { type: 'string' }, source: { type: 'string' } },
      allowPositionals: false,
    }).values
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\nUsage: node scripts/icons/make-icons.mjs [--check] [--out <dir>] [--source <png>]`)
    return 2
  }
  const source = path.resolve(options.source ?? path.join(repoRoot, 'resources/icon-source.png'))
  const outDir = path.resolve(options.out ?? path.join(repoRoot, 'resources'))
  let files
  try {
    files = renderIconFiles(readFileSync(source), shown(source))
  } catch (error) {
    if (!(error instanceof Error) || (error.name !== 'IconSourceError' && !('code' in error && error.code === 'ENOENT'))) throw error
    console.error(error.name === 'IconSourceError' ? error.message : `${shown(source)} does not exist; the icons are made from it.`)
    return 1
  }
  if (options.check) {
    const stale = staleIconFiles(files, outDir)
    if (stale.length > 0) {
      console.error(
        `These icon files do not match ${shown(source)}:\n${stale.map((file) => `  ${shown(path.join(outDir, file))}`).join('\n')}\nRun \`npm run icons\` to make them again, and commit the result.`,
      )
      return 1
    }
    console.log(`All ${files.size} icon files in ${shown(outDir)} match ${shown(source)}.`)
    return 0
  }
  writeIconFiles(files, outDir)
  console.log(`Wrote ${files.size} icon files to ${shown(outDir)} from ${shown(source)}.`)
  return 0
}

process.exitCode = main()
