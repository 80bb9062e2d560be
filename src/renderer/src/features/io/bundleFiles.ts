import type { BundleFile } from '@shared/api/bundles'
import { downloadBlob } from '../network/kinds/downloadFile'

/** A file's bytes as base64, for bundles.import (the bundle is binary; the RPC carries text). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = await readBytes(file)
  let binary = ''
  // In slices: String.fromCharCode with a whole 50 MB array would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Saves a bundle from the core through the browser's download. */
export function downloadBundle(file: BundleFile): void {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  downloadBlob(new Blob([bytes], { type: file.mimeType }), file.fileName)
}

function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'))
    reader.readAsArrayBuffer(file)
  })
}
