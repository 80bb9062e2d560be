import fc from 'fast-check'
import { giantSize, textEdit, type Mutation } from './fileMutations'
import { isLongRun } from './trials'

/**
 * Damage to XML files (OPML subscription lists and feeds): deep nesting around the parsers'
 * limits, giant attributes and texts, entity declarations, lying encoding declarations, the
 * elements that make the file what it is removed or repeated. `element` names the repeated
 * unit (outline, item, entry).
 */

const depth = fc.constantFrom(31, 32, 33, 99, 100, 101, 1_000, 20_000)

/** Inserts `insert` right after the n-th start tag named `tag` (or at the end when there is none). */
function afterTag(text: string, tag: string, n: number, insert: string): string {
  const pattern = new RegExp(`<${tag}(\\s[^>]*)?>|<${tag}(\\s[^>]*)?/>`, 'gi')
  const hits = [...text.matchAll(pattern)]
  if (hits.length === 0) return text + insert
  const hit = hits[n % hits.length]!
  const end = hit.index + hit[0].length
  return text.slice(0, end) + insert + text.slice(end)
}

export function xmlMutation(units: { container: string; element: string; titled: string; attribute?: string }): fc.Arbitrary<Mutation> {
  const { container, element, titled, attribute } = units
  return fc.oneof(
    fc.tuple(depth, fc.nat()).map(([levels, n]) => textEdit(`${levels} nested elements`, (t) => afterTag(t, container, n, `${'<x>'.repeat(levels)}${'</x>'.repeat(levels)}`))),
    fc.tuple(depth, fc.nat()).map(([levels, n]) =>
      textEdit(`${levels} nested ${element}s`, (t) => afterTag(t, container, n, `${`<${element} text="f"${attribute ? ` ${attribute}="https://deep.example/feed"` : ''}>`.repeat(levels)}${`</${element}>`.repeat(levels)}`)),
    ),
    fc.tuple(depth, fc.nat()).map(([levels, n]) => textEdit(`${levels} nested unclosed`, (t) => afterTag(t, container, n, '<x>'.repeat(levels)))),
    fc.tuple(giantSize, fc.nat()).map(([size, n]) => textEdit(`giant ${titled} of ${size}`, (t) => afterTag(t, element, n, `<${titled}>${'x'.repeat(size)}</${titled}>`))),
    fc.tuple(giantSize, fc.nat(), fc.boolean()).map(([size, n, inUrl]) =>
      textEdit(`giant ${inUrl ? 'address' : 'title'} attribute of ${size}`, (t) =>
        afterTag(t, container, n, `<${element} text="${inUrl ? 'Long' : 'x'.repeat(size)}" ${attribute ?? 'href'}="https://long.example/${inUrl ? 'p'.repeat(size) : 'feed'}"/>`),
      ),
    ),
    fc.constantFrom(
      '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
      '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
      '<!ENTITY xxe SYSTEM "http://127.0.0.1:1/">',
    ).map((doctype) => textEdit(`declaration ${doctype.slice(0, 24)}`, (t) => t.replace(/(<\?xml[^>]*\?>)?/, (decl) => `${decl}${doctype}`))),
    fc.constantFrom('&b;', '&#0;', '&#xD800;', '&#x110000;', '&amp', '&#99999999999;', '<![CDATA[', ']]>', '<!--', '\u0000', '\uFFFE').map((bad) =>
      textEdit(`stray ${JSON.stringify(bad)}`, (t) => afterTag(t, element, 0, `<${titled}>${bad}</${titled}>`)),
    ),
    fc.constantFrom('UTF-16', 'shift_jis', 'windows-1252', 'ebcdic', 'utf-7', '').map((encoding) =>
      textEdit(`declared encoding "${encoding}"`, (t) => (/<\?xml[^>]*encoding=/.test(t) ? t.replace(/encoding=["'][^"']*["']/, `encoding="${encoding}"`) : t.replace(/<\?xml/, `<?xml encoding="${encoding}"`))),
    ),
    fc.constantFrom(container, element, titled, ...(attribute ? [attribute] : [])).map((name) =>
      textEdit(`without ${name}`, (t) => (name === attribute ? t.replace(new RegExp(`\\s${name}="[^"]*"`, 'g'), '') : t.replace(new RegExp(`</?${name}(\\s[^>]*)?/?>`, 'g'), ''))),
    ),
    // Hundreds of repeats mean thousands of records to write: slow rather than hostile, so only in the long run.
    fc.constantFrom(...(isLongRun ? [2, 20, 600] : [2, 20])).map((times) =>
      textEdit(`every ${element} ${times} times`, (t) => t.replace(new RegExp(`<${element}[\\s>][\\s\\S]*?</${element}>|<${element}\\s[^>]*/>`, 'g'), (unit) => unit.repeat(times))),
    ),
    fc.nat().map((n) => textEdit('truncated inside a tag', (t) => t.slice(0, Math.max(0, t.indexOf('<', n % Math.max(1, t.length)) + 3)))),
  )
}
