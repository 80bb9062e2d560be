import { ApiError } from '@shared/errors'
import { importLimits } from '@shared/api/io'
import type { ImportMessage } from '@shared/api/io'

export interface DecodedText {
  text: string
  warnings: ImportMessage[]
}

/**
 * Turns an uploaded file (text, or base64 bytes when the encoding is unknown) into a string:
 * refuses anything over the size limit before decoding, honours UTF-8 and UTF-16 byte order
 * marks and drops them, and decodes invalid UTF-8 with replacement characters and a warning
 * naming the first bad line, so the user sees what happened instead of silently odd names.
 */
export function decodeImportInput(input: { text?: string; base64?: string }): DecodedText {
  if (input.text !== undefined) {
    if (input.text.length > importLimits.maxBytes) throw tooLarge()
    return { text: stripBom(input.text), warnings: [] }
  }
  const base64 = input.base64 ?? ''
  // Base64 is 4 characters per 3 bytes; refusing on its length avoids allocating a huge buffer first.
  if ((base64.length * 3) / 4 > importLimits.maxBytes + 3) throw tooLarge()
  return decodeBytes(Buffer.from(base64, 'base64'))
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length > importLimits.maxBytes) throw tooLarge()
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: [] }
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), warnings: [] }
  } catch {
    const text = stripBom(new TextDecoder('utf-8').decode(bytes))
    const line = lineOfIndex(text, text.indexOf('\uFFFD'))
    return {
      text,
      warnings: [{ line, message: 'The file is not valid UTF-8 text; characters that could not be read were replaced with "\uFFFD". Check the names after importing, or save the file as UTF-8 and import it again.' }],
    }
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** 1-based line of a character index (any of CRLF, LF, CR ends a line). */
export function lineOfIndex(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++
  }
  return line
}

function tooLarge(): ApiError {
  return new ApiError('too-large', `The file is larger than ${importLimits.maxBytes / 1024 / 1024} MB, the most Staffroom imports at once. Split it into smaller files.`)
}
