import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseOpml } from './parseOpml'
import type { ParseOpmlResult } from './opmlTypes'

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)))
const utf8 = (text: string) => new TextEncoder().encode(text)
const opml = (body: string, head = '<head><title>T</title></head>') => utf8(`<?xml version="1.0"?><opml version="2.0">${head}<body>${body}</body></opml>`)

function expectOk(result: ParseOpmlResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result
}
function expectError(result: ParseOpmlResult) {
  if (result.ok) throw new Error('expected an error')
  return result.error
}

describe('parseOpml on real-world export shapes', () => {
  it('reads a Feedly export: folders, entities, normalised URLs, a feed in two folders kept once', () => {
    const result = expectOk(parseOpml(fixture('feedly.opml')))
    expect(result.title).toBe('Amira subscriptions in feedly Cloud')
    expect(result.subscriptions).toEqual([
      { feedUrl: 'https://www.learningscientists.example/blog?format=rss', title: 'The Learning Scientists', siteUrl: 'https://www.learningscientists.example/blog', folder: 'Research' },
      { feedUrl: 'https://educationendowmentfoundation.example/news/rss', title: 'Education Endowment Foundation', siteUrl: 'https://educationendowmentfoundation.example/', folder: 'Research' },
      { feedUrl: 'http://www.mrbartonmaths.example/blog/feed/', title: "Mr Barton's Maths Blog", siteUrl: 'http://www.mrbartonmaths.example/blog', folder: 'Science & Maths' },
      { feedUrl: 'https://primaryscience.example/feed.xml', title: 'Primary Science <Ideas>', siteUrl: 'https://primaryscience.example/', folder: 'Science & Maths' },
    ])
    expect(result.skipped).toEqual([{ index: 8, reason: 'http://www.mrbartonmaths.example/blog/feed/ is listed again (first at outline 5); kept once' }])
  })

  it('reads an Inoreader export and skips mailto: and gopher: feeds with the reason', () => {
    const result = expectOk(parseOpml(fixture('inoreader.opml')))
    expect(result.subscriptions.map((s) => [s.title, s.folder, s.siteUrl])).toEqual([
      ['Schools Week', 'Leadership', 'https://schoolsweek.example/'],
      ['A Chemical Orthodoxy', 'Leadership', 'https://achemicalorthodoxy.example/'],
      ['Tom Sherrington', null, 'https://teacherhead.example/'],
    ])
    expect(result.skipped).toEqual([
      { index: 5, reason: '"Weekly Digest": "mailto:digest@newsletters.example" is not an http or https address (mailto)' },
      { index: 6, reason: '"Old Gopher Hole": "gopher://gopher.example/1/phlog" is not an http or https address (gopher)' },
    ])
  })

  it('reads a NetNewsWire export: OPML 1.1, nested folders joined, an empty folder reported', () => {
    const result = expectOk(parseOpml(fixture('netnewswire.opml')))
    expect(result.subscriptions.map((s) => [s.title, s.folder])).toEqual([
      ['Daring Fireball', null],
      ['Retrieval Practice', 'Teaching'],
      ['Ambition Institute — Blog', 'Teaching'],
      ['Carl Hendrick', 'Teaching / Cognitive Science'],
    ])
    expect(result.skipped).toEqual([{ index: 7, reason: '"Empty Folder" has no feed address (xmlUrl) and contains nothing' }])
  })
})

describe('parseOpml encodings', () => {
  it('decodes ISO-8859-1 as the XML declaration says', () => {
    const result = expectOk(parseOpml(fixture('latin1.opml')))
    expect(result.title).toBe('Abonnements de Renée')
    expect(result.subscriptions[0]).toMatchObject({ title: 'Café pédagogique', folder: 'Pédagogie' })
  })

  it('decodes UTF-16 little- and big-endian with a byte order mark, and UTF-8 with one', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><opml version="2.0"><head><title>Ünïcödé 📚</title></head><body><outline text="Blog 📚" xmlUrl="https://a.example/feed"/></body></opml>'
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.from(le)
    be.swap16()
    for (const bytes of [le, be, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace('UTF-16', 'UTF-8'))])]) {
      const result = expectOk(parseOpml(new Uint8Array(bytes)))
      expect(result.title).toBe('Ünïcödé 📚')
      expect(result.subscriptions[0]!.title).toBe('Blog 📚')
    }
  })

  it('refuses invalid UTF-8 and encodings it cannot read, naming the problem', () => {
    expect(expectError(parseOpml(new Uint8Array([...utf8('<opml><body><outline text="'), 0xe9, ...utf8('"/></body></opml>')]))).code).toBe('bad-encoding')
    const shiftJis = expectError(parseOpml(utf8('<?xml version="1.0" encoding="Shift_JIS"?><opml/>')))
    expect(shiftJis).toMatchObject({ code: 'unsupported-encoding' })
    expect(shiftJis.message).toContain('Shift_JIS')
    expect(expectError(parseOpml(utf8('<?xml version="1.0" encoding="UTF-16"?><opml/>'))).message).toContain('byte order mark')
  })
})

describe('parseOpml attributes and text', () => {
  it('decodes the five entities and numeric references, leaving unknown ones as written', () => {
    const result = expectOk(parseOpml(opml('<outline text="&lt;&gt;&amp;&quot;&apos; &#233;&#x1F4DA; &#0; &nbsp;" xmlUrl="https://a.example/?a=1&amp;b=2"/>')))
    expect(result.subscriptions[0]).toMatchObject({ title: `<>&"' é📚 &#0; &nbsp;`, feedUrl: 'https://a.example/?a=1&b=2' })
  })

  it('uses title when text is missing or blank, the address when both are, and ignores attribute case', () => {
    const result = expectOk(parseOpml(opml('<outline title="Only title" XMLURL="https://a.example/1"/><outline text="  " xmlurl="https://a.example/2"/><outline xmlUrl="https://a.example/3" htmlUrl="javascript:alert(1)"/>')))
    expect(result.subscriptions.map((s) => [s.title, s.siteUrl])).toEqual([
      ['Only title', null],
      ['https://a.example/2', null],
      ['https://a.example/3', null],
    ])
  })

  it('collapses whitespace in titles and folders, and makes unnamed folders transparent', () => {
    const result = expectOk(parseOpml(opml('<outline text=" Outer&#10;  folder "><outline><outline text="Feed\tone" xmlUrl="https://a.example/"/></outline></outline>')))
    expect(result.subscriptions[0]).toMatchObject({ title: 'Feed one', folder: 'Outer folder' })
  })

  it('reports invalid and empty addresses and treats the same feed written two ways as one', () => {
    const result = expectOk(parseOpml(opml('<outline text="A" xmlUrl="HTTPS://A.example:443/feed#x"/><outline text="B" xmlUrl="https://a.example/feed"/><outline text="C" xmlUrl="not a url"/><outline text="D" xmlUrl=""/>')))
    expect(result.subscriptions).toHaveLength(1)
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'https://a.example/feed is listed again (first at outline 1); kept once',
      '"C": "not a url" is not a valid web address',
      '"D": the feed address (xmlUrl) is empty',
    ])
  })

  it('accepts blank lines before the XML declaration, as some exporters write them', () => {
    expect(expectOk(parseOpml(utf8('\n\n<?xml version="1.0"?><opml version="2.0"><body><outline text="x" xmlUrl="http://x.example/"/></body></opml>'))).subscriptions).toHaveLength(1)
  })

  it('reads a head title in CDATA and a file without a head', () => {
    expect(expectOk(parseOpml(opml('', '<head><title><![CDATA[Tom & Jerry]]></title></head>'))).title).toBe('Tom & Jerry')
    expect(expectOk(parseOpml(opml('<outline text="x" xmlUrl="http://x.example/"/>', ''))).title).toBe('')
  })
})

describe('parseOpml bad input', () => {
  it('says a file that is not XML is not XML', () => {
    for (const text of ['Just some notes, not a subscription list.', '{"feeds": []}', '<opml><body><outline text="a"></body></opml>', '']) {
      const error = expectError(parseOpml(utf8(text)))
      expect(error.code).toBe('not-xml')
      expect(error.message).toMatch(/^The file is not valid XML/)
    }
  })

  it('says XML that is not OPML is not OPML', () => {
    expect(expectError(parseOpml(utf8('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')))).toEqual({ code: 'not-opml', message: 'The file is XML but not OPML: its root element is <rss>, not <opml>.' })
    expect(expectError(parseOpml(utf8('<opml version="2.0"><head/></opml>'))).code).toBe('not-opml')
  })

  it('refuses DOCTYPE and entity declarations (billion laughs) before parsing', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><opml version="2.0"><head><title>&lol2;</title></head><body/></opml>'
    expect(expectError(parseOpml(utf8(bomb))).code).toBe('doctype-refused')
    expect(expectError(parseOpml(utf8('<!doctype opml><opml><body/></opml>'))).code).toBe('doctype-refused')
  })

  it('caps nesting depth, outline count and size', () => {
    const deep = (n: number) => opml(`${'<outline text="f">'.repeat(n)}<outline text="x" xmlUrl="https://a.example/"/>${'</outline>'.repeat(n)}`)
    expect(expectOk(parseOpml(deep(5), { maxDepth: 6 })).subscriptions[0]!.folder).toBe('f / f / f / f / f')
    expect(expectError(parseOpml(deep(6), { maxDepth: 6 })).code).toBe('too-deep')
    expect(expectError(parseOpml(deep(10_000))).code).toBe('too-deep')
    const many = opml('<outline text="x" xmlUrl="https://a.example/"/>'.repeat(11))
    expect(expectError(parseOpml(many, { maxOutlines: 10 }))).toEqual({ code: 'too-many-outlines', message: 'The file has more than 10 outlines; split it into smaller files.' })
    expect(expectError(parseOpml(many, { maxBytes: 100 })).code).toBe('too-large')
  })

  it('imports an OPML with 5,000 entries in 50 folders, and reports the time', () => {
    const folders = Array.from({ length: 50 }, (_, f) => {
      const feeds = Array.from({ length: 100 }, (_, i) => `<outline type="rss" text="Blog ${f}-${i} &amp; more" title="Blog ${f}-${i}" xmlUrl="https://blog${f}-${i}.example/feed?x=1&amp;y=2" htmlUrl="https://blog${f}-${i}.example/"/>`)
      return `<outline text="Folder ${f}">${feeds.join('\n')}</outline>`
    })
    const bytes = opml(folders.join('\n'))
    const started = performance.now()
    const result = expectOk(parseOpml(bytes))
    const elapsed = performance.now() - started
    console.info(`parseOpml: 5,000 entries (${(bytes.length / 1024).toFixed(0)} KB) in ${elapsed.toFixed(1)} ms`)
    expect(result.subscriptions).toHaveLength(5000)
    expect(result.subscriptions[4999]).toEqual({ feedUrl: 'https://blog49-99.example/feed?x=1&y=2', title: 'Blog 49-99 & more', siteUrl: 'https://blog49-99.example/', folder: 'Folder 49' })
    expect(elapsed).toBeLessThan(2000)
  })
})
