import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseOpml } from './parseOpml'
import type { OpmlSubscription } from './opmlTypes'
import { writeOpml } from './writeOpml'

const roundTrip = (title: string, subscriptions: OpmlSubscription[]) => parseOpml(new TextEncoder().encode(writeOpml({ title, subscriptions })))

describe('writeOpml', () => {
  it('writes OPML 2.0 with folder outlines and escaped attributes', () => {
    const text = writeOpml({
      title: 'Mine & "yours"',
      dateCreated: new Date('2026-12-01T10:00:00Z'),
      subscriptions: [
        { feedUrl: 'https://a.example/?a=1&b=2', title: `<b>"Quotes"</b> & 'apostrophes'`, siteUrl: null, folder: 'Research / Reading' },
        { feedUrl: 'https://b.example/feed', title: 'B', siteUrl: 'https://b.example/', folder: null },
      ],
    })
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        '  <head>',
        '    <title>Mine &amp; &quot;yours&quot;</title>',
        '    <dateCreated>Tue, 01 Dec 2026 10:00:00 GMT</dateCreated>',
        '  </head>',
        '  <body>',
        '    <outline text="Research" title="Research">',
        '      <outline text="Reading" title="Reading">',
        '        <outline type="rss" text="&lt;b&gt;&quot;Quotes&quot;&lt;/b&gt; &amp; &apos;apostrophes&apos;" title="&lt;b&gt;&quot;Quotes&quot;&lt;/b&gt; &amp; &apos;apostrophes&apos;" xmlUrl="https://a.example/?a=1&amp;b=2" />',
        '      </outline>',
        '    </outline>',
        '    <outline type="rss" text="B" title="B" xmlUrl="https://b.example/feed" htmlUrl="https://b.example/" />',
        '  </body>',
        '</opml>',
        '',
      ].join('\n'),
    )
  })

  it('round-trips every fixture through parseOpml exactly', () => {
    for (const name of ['feedly.opml', 'inoreader.opml', 'netnewswire.opml', 'latin1.opml']) {
      const first = parseOpml(new Uint8Array(readFileSync(join(__dirname, 'fixtures', name))))
      if (!first.ok) throw new Error(first.error.message)
      const again = roundTrip(first.title, first.subscriptions)
      expect(again).toEqual({ ok: true, title: first.title, subscriptions: first.subscriptions, skipped: [] })
    }
  })

  it('round-trips hostile titles, folders and addresses exactly', () => {
    const awkward = [`&amp; <tag> "q" 'a' ]]> &#233; 📚 é`, 'A / B', '/ leading slash', 'Trailing /', 'x/y', 'Café — ½']
    // Addresses as parseOpml gives them (normalised), since that is what an export starts from.
    const subscriptions: OpmlSubscription[] = awkward.flatMap((text, i) => [
      { feedUrl: new URL(`https://h${i}.example/feed?q=${encodeURIComponent(text)}&x=%26`).href, title: text, siteUrl: `https://h${i}.example/`, folder: text },
      { feedUrl: `http://h${i}.example/top`, title: `${text} top`, siteUrl: null, folder: null },
    ])
    expect(roundTrip(awkward[0]!, subscriptions)).toEqual({ ok: true, title: awkward[0], subscriptions, skipped: [] })
  })

  it('drops characters XML cannot carry so its output always parses', () => {
    const result = roundTrip('t', [{ feedUrl: 'https://a.example/', title: 'bell\u0007 and lone \uD800 surrogate', siteUrl: null, folder: null }])
    expect(result.ok && result.subscriptions[0]!.title).toBe('bell and lone surrogate')
  })
})
