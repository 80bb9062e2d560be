import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

export type StaticLookup =
  | { kind: 'file'; filePath: string; size: number; contentType: string; isHtml: boolean; immutable: boolean }
  | { kind: 'not-found' }
  | { kind: 'refused'; reason: string }

/** Files of the built renderer, with the single-page-app fallback to index.html for client-side routes. */
export class StaticFiles {
  readonly root: string

  constructor(rootDir: string) {
    this.root = path.resolve(rootDir)
  }

  get indexFile(): string {
    return path.join(this.root, 'index.html')
  }

  async lookup(urlPath: string): Promise<StaticLookup> {
    const relative = decodeRequestPath(urlPath)
    if (relative === null) return { kind: 'refused', reason: 'Malformed path.' }
    const filePath = path.resolve(this.root, '.' + path.posix.sep + relative)
    // Whatever the encoding tricks, the resolved file must stay inside the renderer folder.
    if (filePath !== this.root && !filePath.startsWith(this.root + path.sep))
      return { kind: 'refused', reason: 'Path outside the app refused.' }

    const found = await fileAt(filePath === this.root ? this.indexFile : filePath)
    if (found) return describe(found.filePath, found.size, this.root)
    // A path without an extension is a client-side route: the app itself decides what to show.
    if (path.extname(relative) === '') {
      const index = await fileAt(this.indexFile)
      if (index) return describe(index.filePath, index.size, this.root)
    }
    return { kind: 'not-found' }
  }

  open(filePath: string): NodeJS.ReadableStream {
    return createReadStream(filePath)
  }
}

/** The path part as a relative file path, or null if it cannot be a file name we serve. */
function decodeRequestPath(urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  return decoded.replace(/^\/+/, '')
}

async function fileAt(filePath: string): Promise<{ filePath: string; size: number } | undefined> {
  try {
    const info = await stat(filePath)
    return info.isFile() ? { filePath, size: info.size } : undefined
  } catch {
    return undefined
  }
}

function describe(filePath: string, size: number, root: string): StaticLookup {
  const ext = path.extname(filePath).toLowerCase()
  const relative = path.relative(root, filePath).split(path.sep)
  return {
    kind: 'file',
    filePath,
    size,
    contentType: contentTypes[ext] ?? 'application/octet-stream',
    isHtml: ext === '.html',
    // Vite puts content-hashed bundles under assets/, so they never change under the same name.
    immutable: relative[0] === 'assets',
  }
}
