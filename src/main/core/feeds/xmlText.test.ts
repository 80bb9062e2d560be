import { describe, expect, it } from 'vitest'
import { normaliseFeedUrl } from './opml/normaliseFeedUrl'
import { collapseWhitespace, decodeXmlEntities, escapeXmlAttribute } from './xmlText'

describe('xmlText', () => {
  it('escapes so that decoding gives the text back, for every character XML can carry', () => {
    const sample = `&<>"'\t\n\r plain é 📚 &amp; &#38; ]]>`
    expect(escapeXmlAttribute(sample)).toBe('&amp;&lt;&gt;&quot;&apos;&#9;&#10;&#13; plain é 📚 &amp;amp; &amp;#38; ]]&gt;')
    expect(decodeXmlEntities(escapeXmlAttribute(sample))).toBe(sample)
  })

  it('drops C0 controls and lone surrogates, keeps paired ones', () => {
    expect(escapeXmlAttribute('a\u0000b\u001Fc\uD83D\uDCDAd\uDC00e\uFFFE')).toBe('abc📚de')
  })

  it('decodes decimal and hex references, not upper-case &#X (not XML), forbidden code points or unknown names', () => {
    expect(decodeXmlEntities('&#65;&#x42;&#X43;&#xD800;&#1114112;&copy;&amp')).toBe('AB&#X43;&#xD800;&#1114112;&copy;&amp')
  })

  it('collapses whitespace', () => {
    expect(collapseWhitespace('  a \t\n b  ')).toBe('a b')
  })
})

describe('normaliseFeedUrl', () => {
  it('canonicalises http(s) addresses and drops the fragment', () => {
    expect(normaliseFeedUrl('  HTTP://Example.COM:80/a b/feed?x=1#top ')).toEqual({ url: 'http://example.com/a%20b/feed?x=1' })
    expect(normaliseFeedUrl('https://例え.example/rss')).toEqual({ url: 'https://xn--r8jz45g.example/rss' })
  })

  it('explains what is wrong with anything else', () => {
    expect(normaliseFeedUrl('feed://example.com/rss')).toEqual({ reason: '"feed://example.com/rss" is not an http or https address (feed)' })
    expect(normaliseFeedUrl('/relative/feed')).toEqual({ reason: '"/relative/feed" is not a valid web address' })
    expect(normaliseFeedUrl(' ')).toEqual({ reason: 'the feed address (xmlUrl) is empty' })
  })
})
