import { describe, expect, it } from 'vitest'
import { blocksToText, htmlToSafeBlocks, safeHttpUrl } from './htmlToSafeBlocks'

const text = (html: string) => blocksToText(htmlToSafeBlocks(html))
const everything = (html: string) => JSON.stringify(htmlToSafeBlocks(html, 'https://blog.example/post/'))

describe('htmlToSafeBlocks', () => {
  it('keeps paragraphs, headings, list items, quotes, code, links and images as data', () => {
    expect(htmlToSafeBlocks('<h3>Plan</h3><p>Try <b>this</b><br>now</p><ol><li>one</li><li><a href="/two">two</a></li></ol><blockquote>Wise words</blockquote><pre>  x &lt; y\n</pre><img src="a.png" alt="A">', 'https://blog.example/post/')).toEqual([
      { type: 'heading', level: 3, inlines: [{ type: 'text', text: 'Plan' }] },
      { type: 'paragraph', inlines: [{ type: 'text', text: 'Try this now' }] },
      { type: 'listItem', inlines: [{ type: 'text', text: 'one' }] },
      { type: 'listItem', inlines: [{ type: 'link', text: 'two', href: 'https://blog.example/two' }] },
      { type: 'quote', inlines: [{ type: 'text', text: 'Wise words' }] },
      { type: 'code', text: '  x < y' },
      { type: 'image', alt: 'A', src: 'https://blog.example/post/a.png' },
    ])
  })

  it('keeps a paragraph inside a list item or a quote as that kind', () => {
    expect(htmlToSafeBlocks('<blockquote><p>First</p><p>Second</p></blockquote><p>After</p><ul><li><p>Item</p>tail</li></ul><blockquote><h2>Head</h2></blockquote>').map((b) => b.type)).toEqual([
      'quote', 'quote', 'paragraph', 'listItem', 'listItem', 'heading',
    ])
  })

  it('drops scripts, styles, iframes, svg, math, objects and forms with their content', () => {
    const html = `<p>before</p>
      <script>alert(1)</script><SCRIPT type="text/javascript">document.write('<p>x</p>')</SCRIPT>
      <style>body{background:url(javascript:alert(1))}</style>
      <iframe src="https://evil.example"><p>fallback</p></iframe>
      <svg onload="alert(1)"><svg><script>alert(2)</script></svg><text>svg text</text></svg>
      <math><mi>maths</mi></math><object data="x.swf"><embed src="y.swf"></object>
      <noscript><img src="https://tracker.example/p.gif"></noscript><template><p>tpl</p></template>
      <p>after</p>`
    expect(htmlToSafeBlocks(html)).toEqual([
      { type: 'paragraph', inlines: [{ type: 'text', text: 'before' }] },
      { type: 'paragraph', inlines: [{ type: 'text', text: 'after' }] },
    ])
  })

  it('keeps no attribute but href, src and alt: event handlers and styles vanish', () => {
    const out = everything('<p onclick="alert(1)" style="color:red">x</p><img src="https://i.example/1.png" onerror="alert(1)" alt="pic"><a href="https://ok.example" onmouseover="alert(2)">ok</a>')
    expect(out).not.toMatch(/onclick|onerror|onmouseover|style|alert|color/)
    expect(out).toContain('"href":"https://ok.example/"')
  })

  it('turns javascript:, data: and vbscript: links into plain text and drops such images', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', '&#106;avascript:alert(1)', 'jav&#x09;ascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd']) {
      expect(htmlToSafeBlocks(`<p><a href="${href}">click</a></p>`)).toEqual([{ type: 'paragraph', inlines: [{ type: 'text', text: 'click' }] }])
      expect(htmlToSafeBlocks(`<img src="${href}" alt="x">`)).toEqual([])
    }
  })

  it('decodes entities once, so nested entities stay text and never become tags', () => {
    expect(text('<p>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;</p>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(text('<p>&lt;img src=x onerror=alert(1)&gt;</p>')).toBe('<img src=x onerror=alert(1)>')
    expect(htmlToSafeBlocks('<p>&lt;b&gt;</p>')).toEqual([{ type: 'paragraph', inlines: [{ type: 'text', text: '<b>' }] }])
    expect(text('<p>caf&eacute; &#8220;ok&#x201D; &#0; &#xD800; &nosuch;</p>')).toBe('café “ok” \ufffd \ufffd &nosuch;')
  })

  it('survives broken and adversarial markup without hanging', () => {
    expect(text('<p>a < b and c > d</p>')).toBe('a < b and c > d')
    expect(text('<p>unclosed <b>bold <i>italic')).toBe('unclosed bold italic')
    expect(text('<!-- <script>alert(1)</script> --><p>shown</p><!-- unterminated <p>hidden')).toBe('shown')
    expect(text('<scr<script>ipt>alert(1)</script>')).not.toMatch(/<script/)
    expect(text('<p>x</p><script>never closed <p>hidden</p>')).toBe('x')
    const started = performance.now()
    htmlToSafeBlocks(`<a ${'b'.repeat(200_000)}`)
    htmlToSafeBlocks('<a x="'.repeat(20_000))
    htmlToSafeBlocks('<'.repeat(200_000))
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('safeHttpUrl', () => {
  it('accepts http(s) and resolves relative addresses against a base', () => {
    expect(safeHttpUrl(' HTTPS://Example.org/a b ')).toBe('https://example.org/a%20b')
    expect(safeHttpUrl('java\nscript:alert(1)', 'https://a.example/')).toBeNull()
    expect(safeHttpUrl('../x', 'https://a.example/b/c/')).toBe('https://a.example/b/x')
    expect(safeHttpUrl('//cdn.example/i.png', 'https://a.example/')).toBe('https://cdn.example/i.png')
    expect(safeHttpUrl('/relative')).toBeNull()
    expect(safeHttpUrl('mailto:a@b.example')).toBeNull()
  })
})
