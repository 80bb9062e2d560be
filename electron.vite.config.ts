import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const alias = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: {
          // The Electron shell and the plain-Node CLI (serve, reindex, stats) share one build.
          index: resolve(__dirname, 'src/main/electron/index.ts'),
          cli: resolve(__dirname, 'src/main/serve/cli.ts'),
        },
        // out/main/cli.js is the `staffroom` command (package.json "bin"), so it runs as a script.
        output: { banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: {
      alias: [
        { find: '@shared', replacement: alias['@shared'] },
        // Automerge's "browser" entry imports a .wasm file, which needs extra vite plugins; its
        // base64 entry inlines the same wasm and initialises synchronously (no top-level await).
        {
          find: /^@automerge\/automerge$/,
          replacement: resolve(__dirname, 'node_modules/@automerge/automerge/dist/mjs/entrypoints/fullfat_base64.js'),
        },
      ],
    },
    plugins: [react()],
  },
})
