import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Feed, ParseFeedResult } from './feedTypes'
import { parseFeed } from './parseFeed'

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)))
const bytes = (text: string) => new TextEncoder().encode(text)

function feedOf(result: ParseFeedResult): Feed {
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.code}: ${result.error.message}`)
  return result.feed
}

function errorOf(result: ParseFeedResult) {
  if (result.ok) throw new Error('expected an error')
  return result.error
}

describe('parseFeed: real-world shapes', () => {
  it('reads a WordPress RSS 2.0 feed with content:encoded and dc:creator, sanitising the HTML', () => {
    const feed = feedOf(parseFeed(fixture('wordpress-rss2.xml')))
    expect(feed).toMatchObject({
      format: 'rss2',
      title: 'The Reflective Teacher – Notes from a Year 6 classroom',
      siteUrl: 'https://reflective-teacher.example.org/',
      description: 'Retrieval practice, feedback & the odd setback',
      itemsOmitted: 0,
    })
    const [first, second] = feed.items
    expect(first).toMatchObject({
      id: 'https://reflective-teacher.example.org/?p=1432',
      title: 'Why I stopped marking every book (and what I do instead)',
      url: 'https://reflective-teacher.example.org/2026/11/30/stopped-marking/',
      author: 'Priya Shah',
      publishedAt: Date.UTC(2026, 10, 30, 19, 2, 11),
    })
    expect(first!.summaryText).toBe('Whole-class feedback saved me six hours a week. Here’s the sheet I use… Continue reading Why I stopped marking')
    expect(first!.contentBlocks).toEqual([
      { type: 'paragraph', inlines: [{ type: 'text', text: 'Whole-class feedback saved me six hours a week.' }] },
      { type: 'heading', level: 2, inlines: [{ type: 'text', text: 'The sheet' }] },
      { type: 'listItem', inlines: [{ type: 'text', text: 'Common misconceptions' }] },
      { type: 'listItem', inlines: [{ type: 'text', text: 'Spelling & presentation' }] },
      { type: 'image', alt: 'A feedback sheet', src: 'https://reflective-teacher.example.org/wp-content/uploads/2026/11/sheet.png' },
      {
        type: 'paragraph',
        inlines: [
          { type: 'text', text: 'Read ' },
          { type: 'link', text: 'the research summary', href: 'https://researched.example.org/feedback' },
          { type: 'text', text: ' and this.' },
        ],
      },
    ])
    expect(JSON.stringify(feed)).not.toMatch(/<script|alert\(|onerror|javascript:/i)
    expect(second).toMatchObject({ title: 'A lesson that went wrong – and what I learned', publishedAt: Date.UTC(2026, 10, 12, 8, 30), summaryText: 'The fractions lesson fell apart in ten minutes.' })
    expect(second!.contentBlocks).toEqual([{ type: 'paragraph', inlines: [{ type: 'text', text: 'The fractions lesson fell apart in ten minutes.' }] }])
  })

  it('reads a GitHub/Blogger-style Atom 1.0 feed with html, xhtml and text constructs', () => {
    const feed = feedOf(parseFeed(fixture('github-style-atom.xml')))
    expect(feed).toMatchObject({
      format: 'atom1',
      title: 'Release notes from classroom-tools',
      description: 'Tools for busy teachers',
      siteUrl: 'https://github.com/edtech-example/classroom-tools/releases',
    })
    const [release, post] = feed.items
    expect(release).toMatchObject({
      id: 'tag:github.com,2008:Repository/123/v2.1.0',
      title: 'v2.1.0',
      url: 'https://github.com/edtech-example/classroom-tools/releases/tag/v2.1.0',
      author: 'ada-teaches',
      publishedAt: Date.UTC(2026, 10, 28, 9, 15),
    })
    expect(release!.contentBlocks).toEqual([
      { type: 'heading', level: 2, inlines: [{ type: 'text', text: "What's new" }] },
      { type: 'listItem', inlines: [{ type: 'text', text: 'Seating plans export to PDF' }] },
      { type: 'listItem', inlines: [{ type: 'text', text: 'Fixed <script> showing in names' }] },
      { type: 'image', alt: 'Seating plan', src: 'https://user-images.example.com/1.png' },
    ])
    expect(post).toMatchObject({
      id: 'tag:blogger.com,1999:blog-77.post-991',
      title: 'Questioning & wait time',
      url: 'https://blog.example.net/2026/11/questioning.html',
      author: 'edtech-example',
      publishedAt: Date.UTC(2026, 10, 20, 21, 45, 30, 123),
      summaryText: 'Three seconds is longer than you think.',
    })
    expect(post!.contentBlocks).toEqual([
      { type: 'paragraph', inlines: [{ type: 'text', text: 'Three seconds is longer than you think & pupils know it.' }] },
      { type: 'paragraph', inlines: [{ type: 'link', text: 'Full post', href: 'https://blog.example.net/wait-time' }] },
    ])
  })

  it('reads an RSS 1.0 (RDF) journal table of contents in ISO-8859-1 with dc:date', () => {
    const feed = feedOf(parseFeed(fixture('journal-rss1.rdf')))
    expect(feed).toMatchObject({ format: 'rss1', title: 'Journal of Teacher Education Research: Table of Contents', siteUrl: 'https://journals.example.ac.uk/toc/teach-ed/current' })
    expect(feed.items.map((item) => [item.id, item.author, item.publishedAt])).toEqual([
      ['https://doi.example.org/10.1000/jter.2026.041', 'Müller, Jürgen; Ó Briain, Siobhán', Date.UTC(2026, 10, 15)],
      ['https://doi.example.org/10.1000/jter.2026.042', 'Okafor, Chidi', Date.UTC(2026, 10, 16)],
    ])
    expect(feed.items[0]!.url).toBe('https://journals.example.ac.uk/doi/10.1000/jter.2026.041?af=R')
    expect(feed.items[1]!.summaryText).toBe('')
  })

  it('decodes UTF-16 with a BOM and windows-1252 declared in the XML declaration', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Zoë’s class</title><item><title>Ünïcödé</title></item></channel></rss>'
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]))
    expect(feedOf(parseFeed(utf16)).items[0]!.title).toBe('Ünïcödé')
    const cp1252 = new Uint8Array([...bytes('<?xml version="1.0" encoding="windows-1252"?><rss><channel><title>'), 0x93, 0x51, 0x94, 0x20, 0xe9, ...bytes('</title></channel></rss>')])
    expect(feedOf(parseFeed(cp1252)).title).toBe('“Q” é')
    expect(errorOf(parseFeed(bytes('<?xml version="1.0" encoding="x-klingon"?><rss/>')))).toMatchObject({ code: 'unsupported-encoding' })
  })

  it('keeps ids stable, links http(s) only, and caps items and summaries', () => {
    const items = Array.from({ length: 5 }, (_, i) => `<item><title>Post ${i}</title><link>javascript:alert(${i})</link><description>${'word '.repeat(300)}</description></item>`).join('')
    const xml = bytes(`<rss version="2.0"><channel><title>t</title><link>https://s.example</link>${items}</channel></rss>`)
    const first = feedOf(parseFeed(xml, { maxItems: 3, maxSummaryChars: 100 }))
    const again = feedOf(parseFeed(xml, { maxItems: 3, maxSummaryChars: 100 }))
    expect(first.items).toHaveLength(3)
    expect(first.itemsOmitted).toBe(2)
    expect(first.items.map((i) => i.id)).toEqual(again.items.map((i) => i.id))
    expect(new Set(first.items.map((i) => i.id)).size).toBe(3)
    expect(first.items[0]!.url).toBeNull()
    expect(first.items[0]!.summaryText.length).toBeLessThanOrEqual(100)
    expect(first.items[0]!.summaryText.endsWith('…')).toBe(true)
  })
})

describe('parseFeed: hostile and broken input', () => {
  it('refuses text that is not XML, naming the line', () => {
    expect(errorOf(parseFeed(fixture('not-xml.txt')))).toMatchObject({ code: 'not-xml' })
    expect(errorOf(parseFeed(bytes('<rss><channel><title>x</channel></rss>'))).message).toMatch(/not valid XML \(line 1/)
    expect(errorOf(parseFeed(bytes('   ')))).toMatchObject({ code: 'empty' })
  })

  it('reads an old RSS 0.91 feed whose DOCTYPE names an external DTD without fetching or refusing it', () => {
    const xml = bytes('<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>Old</title><link>http://old.example/</link><item><title>One</title><link>http://old.example/1</link></item></channel></rss>')
    expect(feedOf(parseFeed(xml))).toMatchObject({ format: 'rss2', title: 'Old', items: [{ title: 'One', url: 'http://old.example/1', id: 'http://old.example/1' }] })
  })

  it('says an HTML page served as a feed is a web page', () => {
    const error = errorOf(parseFeed(fixture('html-page.html')))
    expect(error.code).toBe('not-a-feed')
    expect(error.message).toMatch(/web page, not a feed/)
    expect(errorOf(parseFeed(bytes('<?xml version="1.0"?><opml version="2.0"><body/></opml>'))).message).toMatch(/root element is <opml>/)
  })

  it('refuses a 50 MB feed by its size, quickly', () => {
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x20)
    const started = performance.now()
    const error = errorOf(parseFeed(huge, { maxBytes: 10 * 1024 * 1024 }))
    expect(performance.now() - started).toBeLessThan(50)
    expect(error).toMatchObject({ code: 'too-large' })
    expect(error.message).toMatch(/50\.0 MB, more than the 10\.0 MB/)
  })

  it('refuses 10,000-deep nesting before parsing, even when quotes hide a ">"', () => {
    const deep = bytes(`<rss><channel>${'<div>'.repeat(10_000)}${'</div>'.repeat(10_000)}</channel></rss>`)
    expect(errorOf(parseFeed(deep))).toMatchObject({ code: 'too-deep' })
    const disguised = bytes(`<rss>${'<a x="/>">'.repeat(500)}</rss>`)
    expect(errorOf(parseFeed(disguised))).toMatchObject({ code: 'too-deep' })
  })

  it('refuses entity declarations: billion laughs and external entities (XXE)', () => {
    for (const name of ['entity-bomb.xml', 'xxe.xml']) {
      const started = performance.now()
      const error = errorOf(parseFeed(fixture(name)))
      expect(error.code).toBe('entities-refused')
      expect(performance.now() - started).toBeLessThan(50)
    }
  })

  it('leaves undeclared entities as text rather than expanding anything', () => {
    expect(feedOf(parseFeed(bytes('<rss><channel><title>A &unknown; B</title></channel></rss>'))).title).toBe('A &unknown; B')
    // An Atom text construct is text: an escaped tag stays visible, once unescaped, never markup.
    const atom = bytes('<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">&amp;lt;b&amp;gt; &lt;i&gt;</title></feed>')
    expect(feedOf(parseFeed(atom)).title).toBe('&lt;b&gt; <i>')
  })

  it('parses a 5 MB feed of 2,000 items in reasonable time', () => {
    const body = '<p>' + 'Teachers share resources and reflect on practice. '.repeat(22) + '<a href="https://x.example/a">link</a></p>'
    const items = Array.from({ length: 2000 }, (_, i) => `<item><title>Item ${i}</title><link>https://x.example/${i}</link><guid>g${i}</guid><pubDate>Mon, 30 Nov 2026 19:02:11 +0000</pubDate><content:encoded><![CDATA[${body}]]></content:encoded><description>${body.replace(/</g, '&lt;')}</description></item>`).join('')
    const xml = bytes(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title>${items}</channel></rss>`)
    expect(xml.length).toBeGreaterThan(5_000_000)
    expect(xml.length).toBeLessThan(5.5 * 1024 * 1024)
    const started = performance.now()
    const feed = feedOf(parseFeed(xml, { maxItems: 2000 }))
    const elapsed = performance.now() - started
    console.info(`parseFeed: ${(xml.length / 1e6).toFixed(2)} MB (${xml.length} bytes), ${feed.items.length} items in ${elapsed.toFixed(0)} ms`)
    expect(feed.items).toHaveLength(2000)
    expect(elapsed).toBeLessThan(10_000)
  })
})
