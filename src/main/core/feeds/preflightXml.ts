import type { FeedError } from './feedTypes'

/**
 * One linear pass over the text before any XML parser sees it. It refuses a DOCTYPE that
 * declares entities (billion laughs, external entities / XXE) and nesting deeper than
 * maxDepth, which would otherwise blow the parser's recursion. Quoted attribute values are
 * skipped properly so `<a x="/>">` cannot pass for a self-closing tag and dodge the count.
 */
export function preflightXml(text: string, maxDepth: number): FeedError | null {
  let depth = 0
  let at = text.indexOf('<')
  while (at !== -1 && at < text.length) {
    if (text.startsWith('<!--', at)) {
      at = nextTag(text, text.indexOf('-->', at + 4), 3)
    } else if (text.startsWith('<![CDATA[', at)) {
      at = nextTag(text, text.indexOf(']]>', at + 9), 3)
    } else if (text.startsWith('<?', at)) {
      at = nextTag(text, text.indexOf('?>', at + 2), 2)
    } else if (text.startsWith('<!', at)) {
      const end = doctypeEnd(text, at)
      if (/<!ENTITY/i.test(text.slice(at, end))) {
        return {
          code: 'entities-refused',
          message: 'This feed declares its own XML entities (a DOCTYPE with <!ENTITY>); Staffroom refuses those because they can expand without limit or read local files.',
        }
      }
      at = nextTag(text, end, 0)
    } else {
      const closing = text[at + 1] === '/'
      const end = tagEnd(text, at + 1)
      if (end === -1) return null // unterminated tag: the parser reports it as not XML
      if (closing) depth--
      else if (text[end - 1] !== '/') {
        depth++
        if (depth > maxDepth) {
          return { code: 'too-deep', message: `This feed nests elements more than ${maxDepth} levels deep; no real feed does, so it was not read.` }
        }
      }
      at = text.indexOf('<', end + 1)
    }
  }
  return null
}

function nextTag(text: string, end: number, length: number): number {
  return end === -1 ? -1 : text.indexOf('<', end + length)
}

/** Index of the '>' closing a tag, skipping '>' inside quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote = ''
  for (let i = from; i < text.length; i++) {
    const char = text[i]
    if (quote) {
      if (char === quote) quote = ''
    } else if (char === '"' || char === "'") quote = char
    else if (char === '>') return i
  }
  return -1
}

/** End of a <!DOCTYPE ...> including an internal subset in [ ... ]. */
function doctypeEnd(text: string, start: number): number {
  const bracket = text.indexOf('[', start)
  const close = text.indexOf('>', start)
  if (bracket !== -1 && (close === -1 || bracket < close)) {
    const subsetEnd = text.indexOf(']', bracket)
    return subsetEnd === -1 ? text.length : text.indexOf('>', subsetEnd) === -1 ? text.length : text.indexOf('>', subsetEnd)
  }
  return close === -1 ? text.length : close
}
