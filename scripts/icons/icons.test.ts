import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pngjs from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RgbaImage } from './lib/canvas.mjs'
import { downscale } from './lib/downscale.mjs'
import { drawIconSource } from './lib/drawSource.mjs'
import { parseIcns, parseIco, pngDimensions } from './lib/iconReaders.mjs'
import { readIconSource, renderIconFiles } from './lib/iconSet.mjs'
import { encodePng } from './lib/png.mjs'

const repoRoot = path.resolve(__dirname, '../..')
const script = path.join(repoRoot, 'scripts/icons/make-icons.mjs')
const resources = path.join(repoRoot, 'resources')
// Written out here, not taken from the script, so a wrong list in the script fails the tests.
const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const icnsSizes = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 }
const expectedFiles = [
  'icon.png',
  ...pngSizes.map((n) => `icons/${n}x${n}.png`),
  'icon.ico',
  'icon.icns',
  'badge-due.png',
  'badge-due@2x.png',
]

/** Runs the script the way `npm run icons` does; resolves with its exit status and output. */
async function makeIcons(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], { cwd: repoRoot })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, output: failed.stdout + failed.stderr }
  }
}

/** Decoded with pngjs directly, not through the script's own PNG module. */
function decode(bytes: Uint8Array): RgbaImage {
  const png = pngjs.PNG.sync.read(Buffer.from(bytes))
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) }
}

function pixel(image: RgbaImage, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4
  return [...image.data.subarray(i, i + 4)]
}

function solidImage(size: number, rgba: number[], height = size): RgbaImage {
  const data = new Uint8Array(size * height * 4)
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i)
  return { width: size, height, data }
}

let dir: string
let out: string
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'staffroom-icons-'))
  out = path.join(dir, 'generated')
  const result = await makeIcons('--out', out)
  expect(result, result.output).toMatchObject({ code: 0 })
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const generated = (file: string) => readFileSync(path.join(out, file))

describe('the generated PNGs', () => {
  it.each(pngSizes.map((size) => [`${size}x${size}`, size] as const))('icons/%s.png has exactly that size', (_name, size) => {
    const bytes = generated(`icons/${size}x${size}.png`)
    expect(pngDimensions(bytes)).toEqual({ width: size, height: size })
    const image = decode(bytes)
    expect([image.width, image.height]).toEqual([size, size])
  })

  it('icon.png is the 1024 px icon', () => {
    expect(pngDimensions(generated('icon.png'))).toEqual({ width: 1024, height: 1024 })
    expect(generated('icon.png').equals(generated('icons/1024x1024.png'))).toBe(true)
  })

  it.each([
    ['badge-due.png', 16],
    ['badge-due@2x.png', 32],
  ])('%s is a %i px red dot with a white outline on a transparent square', (file, size) => {
    const image = decode(generated(file))
    expect([image.width, image.height]).toEqual([size, size])
    expect(pixel(image, 0, 0)[3]).toBe(0)
    const [r, g, b, a] = pixel(image, size / 2, size / 2)
    expect(a).toBe(255)
    expect(r).toBeGreaterThan(200)
    expect(Math.max(g ?? 0, b ?? 0)).toBeLessThan(80)
    // 1.5 units in from the left edge (of 16), on the middle row: the white outline.
    expect(pixel(image, size / 16, size / 2)).toEqual([255, 255, 255, 255])
  })
})

describe('icon.ico', () => {
  it('lists exactly the seven sizes, each a 32-bit PNG of its size inside the file', () => {
    const bytes = generated('icon.ico')
    const entries = parseIco(bytes)
    expect(entries.map((entry) => entry.width)).toEqual([16, 24, 32, 48, 64, 128, 256])
    // The 256 px entry is written as 0 in the directory's width and height bytes.
    expect(bytes.readUInt8(6 + 16 * 6)).toBe(0)
    for (const entry of entries) {
      expect(entry.height).toBe(entry.width)
      expect(entry.bitCount).toBe(32)
      const image = decode(entry.data)
      expect([image.width, image.height]).toEqual([entry.width, entry.width])
    }
  })
})

describe('icon.icns', () => {
  it('has every type with a PNG of its size, and its header length is the file length', () => {
    const bytes = generated('icon.icns')
    const { declaredLength, entries } = parseIcns(bytes)
    expect(declaredLength).toBe(bytes.length)
    expect(entries.map((entry) => entry.type)).toEqual(Object.keys(icnsSizes))
    for (const [type, size] of Object.entries(icnsSizes)) {
      const entry = entries.find((candidate) => candidate.type === type)
      const image = decode(entry?.data ?? new Uint8Array())
      expect([type, image.width, image.height]).toEqual([type, size, size])
    }
  })
})

describe('the script', () => {
  it('writes the same bytes on a second run', () => {
    const again = renderIconFiles(readFileSync(path.join(resources, 'icon-source.png')))
    expect([...again.keys()].sort()).toEqual([...expectedFiles].sort())
    for (const file of expectedFiles) expect(again.get(file)?.equals(generated(file)), file).toBe(true)
  })
})

// --check accepts equal bytes, or equal pixels where another zlib build compresses differently.
describe('the committed icons', () => {
  it('pass --check', async () => {
    const result = await makeIcons('--check')
    expect(result.code, result.output).toBe(0)
    expect(result.output).toMatch(/All 14 icon files in .*resources match/)
  })

  it('fail --check after a copy is changed, naming the stale files and the command to run', async () => {
    const copy = path.join(dir, 'corrupted')
    mkdirSync(path.join(copy, 'icons'), { recursive: true })
    for (const file of expectedFiles) copyFileSync(path.join(resources, file), path.join(copy, file))
    const icon32 = decode(readFileSync(path.join(copy, 'icons/32x32.png')))
    const red = (16 * 32 + 16) * 4
    icon32.data[red] = 255 - (icon32.data[red] ?? 0)
    writeFileSync(path.join(copy, 'icons/32x32.png'), encodePng(icon32))
    const icns = readFileSync(path.join(copy, 'icon.icns'))
    writeFileSync(path.join(copy, 'icon.icns'), icns.subarray(0, icns.length - 100))
    rmSync(path.join(copy, 'badge-due.png'))
    // Same pixels, compressed differently: not stale.
    const icon64 = pngjs.PNG.sync.read(readFileSync(path.join(copy, 'icons/64x64.png')))
    const recompressed = pngjs.PNG.sync.write(icon64, { deflateLevel: 1, filterType: 0 })
    expect(recompressed.equals(readFileSync(path.join(copy, 'icons/64x64.png')))).toBe(false)
    writeFileSync(path.join(copy, 'icons/64x64.png'), recompressed)

    const result = await makeIcons('--check', '--out', copy)
    expect(result.code).toBe(1)
    expect(result.output).toContain('npm run icons')
    const named = expectedFiles.filter((file) => result.output.includes(path.join('corrupted', file)))
    expect(named.sort()).toEqual(['badge-due.png', 'icon.icns', 'icons/32x32.png'])
  })
})

describe('the icon source', () => {
  it('is what draw-source.mjs draws: a 1024 px tile with a transparent margin and an opaque middle', () => {
    const source = drawIconSource()
    expect([source.width, source.height]).toEqual([1024, 1024])
    for (const [x, y] of [[0, 0], [50, 512], [512, 50], [1000, 1000]] as const) expect(pixel(source, x, y)[3]).toBe(0)
    for (const [x, y] of [[512, 512], [150, 512], [512, 880]] as const) expect(pixel(source, x, y)[3]).toBe(255)
    const committed = decode(readFileSync(path.join(resources, 'icon-source.png')))
    expect(Buffer.from(committed.data).equals(Buffer.from(source.data))).toBe(true)
  })

  it.each([
    ['not a PNG', Buffer.from('GIF89a, not a PNG at all'), /bad\.png is not a PNG file/],
    ['512x512', encodePng(solidImage(512, [1, 2, 3, 255])), /bad\.png is 512x512; the icon source must be at least 1024x1024/],
    ['1024x900', encodePng(solidImage(1024, [1, 2, 3, 255], 900)), /bad\.png is 1024x900; the icon source must be square/],
    ['a broken PNG', encodePng(solidImage(4, [1, 2, 3, 255])).subarray(0, 40), /bad\.png could not be read as a PNG/],
  ])('refuses %s with a clear message', async (_name, bytes, message) => {
    expect(() => readIconSource(bytes, 'bad.png')).toThrow(message)
    const file = path.join(dir, 'bad.png')
    writeFileSync(file, bytes)
    const result = await makeIcons('--source', file, '--out', path.join(dir, 'never'))
    expect(result.code).toBe(1)
    expect(result.output).toMatch(message)
    expect(result.output).not.toMatch(/\n\s+at /)
    expect(existsSync(path.join(dir, 'never'))).toBe(false)
  })

  it('accepts a larger square source', () => {
    expect(readIconSource(encodePng(solidImage(2048, [1, 2, 3, 255]))).width).toBe(2048)
  })
})

describe('the downscale', () => {
  it.each([16, 24, 48])('keeps a solid colour exactly at %i px', (size) => {
    const small = downscale(solidImage(1024, [66, 99, 235, 255]), size)
    expect(new Set(Array.from({ length: size * size }, (_, i) => pixel(small, i % size, Math.floor(i / size)).join()))).toEqual(new Set(['66,99,235,255']))
  })

  it('adds no dark fringe where a colour meets transparency, also on half-transparent pixels', () => {
    // Left part opaque orange, a half-transparent band, then transparent black; 24 px does not divide 1024.
    const source = solidImage(1024, [0, 0, 0, 0])
    for (let y = 0; y < 1024; y++)
      for (let x = 0; x < 600; x++) source.data.set(x < 500 ? [250, 140, 20, 255] : [250, 140, 20, 128], (y * 1024 + x) * 4)
    const small = downscale(source, 24)
    const edge = pixel(small, 11, 12)
    expect(edge[3]).toBeGreaterThan(0)
    expect(edge[3]).toBeLessThan(255)
    for (let x = 0; x < 24; x++) {
      const [r, g, b, a] = pixel(small, x, 12)
      if (a === 0) expect([r, g, b]).toEqual([0, 0, 0])
      else expect([r, g, b]).toEqual([250, 140, 20])
    }
  })

  it('averages coverage: a 1 px checkerboard becomes 50% alpha', () => {
    const source = solidImage(1024, [0, 0, 0, 0])
    for (let y = 0; y < 1024; y++) for (let x = (y % 2); x < 1024; x += 2) source.data.set([255, 255, 255, 255], (y * 1024 + x) * 4)
    const [r, g, b, a] = pixel(downscale(source, 16), 5, 5)
    expect([r, g, b]).toEqual([255, 255, 255])
    expect(Math.abs((a ?? 0) - 127.5)).toBeLessThanOrEqual(0.5)
  })
})
