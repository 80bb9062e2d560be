import { describe, expect, it } from 'vitest'
import { maxReleaseNotesLength, releaseNotesText } from './releaseNotesText'

/** What GitHub's release feed gives electron-updater for a release written in Markdown. */
const githubNotes = `<h2>What's new</h2>
<ul>
<li>Term reports can be saved as <strong>PDF</strong>.</li>
<li>Faster search &amp; fewer clicks.</li>
</ul>
<h2>Fixes</h2>
<p>Reminders no longer repeat after a restart.<br>
Thanks to <a href="https://github.com/ada">@ada</a> for the report.</p>`

describe('releaseNotesText', () => {
  it('turns a GitHub release into paragraphs, bullets and line breaks', () => {
    expect(releaseNotesText(githubNotes)).toBe(
      [
        "What's new",
        '',
        '• Term reports can be saved as PDF.',
        '• Faster search & fewer clicks.',
        '',
        'Fixes',
        '',
        'Reminders no longer repeat after a restart.',
        'Thanks to @ada for the report.',
      ].join('\n'),
    )
  })

  it('keeps plain text and Markdown line by line, with bullets for list items and no heading marks', () => {
    expect(releaseNotesText('## 1.4.0\n\n- Dark mode\r\n* Bigger buttons\n\nSee <https://staffroom.app/news> for more.')).toBe(
      '1.4.0\n\n• Dark mode\n• Bigger buttons\n\nSee <https://staffroom.app/news> for more.',
    )
  })

  it('puts each version of a full changelog under its own heading', () => {
    const notes = [
      { version: '1.4.0', note: '<p>Dark mode</p>' },
      { version: '1.3.2', note: null },
      { version: '1.3.1', note: 'Fixed printing' },
    ]
    expect(releaseNotesText(notes)).toBe('Version 1.4.0\nDark mode\n\nVersion 1.3.2\n\nVersion 1.3.1\nFixed printing')
  })

  it('is empty when there are no notes', () => {
    expect(releaseNotesText(undefined)).toBe('')
    expect(releaseNotesText(null)).toBe('')
    expect(releaseNotesText('')).toBe('')
    expect(releaseNotesText([])).toBe('')
    expect(releaseNotesText('<p>  </p>')).toBe('')
  })

  it('decodes named and numeric entities once', () => {
    expect(releaseNotesText('<p>caf&eacute; &#8212; &#x1F600; &quot;quoted&quot; &amp;lt;b&amp;gt; &bogus; AT&T</p>')).toBe(
      'café — 😀 "quoted" &lt;b&gt; &bogus; AT&T',
    )
    expect(releaseNotesText('<p>&#0; &#xD800; &#1114112;</p>')).toBe('\uFFFD \uFFFD \uFFFD')
  })

  it('drops scripts and styles with their content, and never keeps attributes', () => {
    const hostile = [
      '<p>Hello<script>alert(document.cookie)</script></p>',
      '<style>body{display:none}</style>',
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(2)" onclick=\'alert(3)\'>click me</a>',
      '<img alt="a>b" onerror=alert(4)>',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(5)><script>alert(6)</script></svg>',
      '<!-- <script>alert(7)</script> -->',
      '<SCRIPT>alert(8)</SCRIPT >',
    ].join('')
    const text = releaseNotesText(hostile)
    expect(text).toBe('Hello\n\nclick me')
    expect(text).not.toMatch(/alert|onerror|javascript|cookie|display/)
  })

  it('leaves no tag behind, even one that only appears when entities are decoded', () => {
    const text = releaseNotesText('<p>&lt;img src=x onerror=alert(1)&gt;Safe &lt;script&gt;alert(2)&lt;/script&gt;</p>')
    expect(text).not.toMatch(/<[a-z/!?]/i)
    expect(text).toBe('Safe alert(2)')
  })

  it('treats an unclosed tag as running to the end, as a browser does', () => {
    expect(releaseNotesText('<p>Kept</p><img src=x onerror="alert(1)')).toBe('Kept')
    expect(releaseNotesText('<p>Kept</p><script>alert(1)')).toBe('Kept')
  })

  it('keeps a lone "<" that starts no tag', () => {
    expect(releaseNotesText('<p>3 < 4 and 5 <= 6</p>')).toBe('3 < 4 and 5 <= 6')
  })

  it('removes control characters but keeps line breaks', () => {
    expect(releaseNotesText('One\u0000\u0007\u001b[31m\nTwo\u009b')).toBe('One[31m\nTwo')
  })

  it('caps long notes with an ellipsis', () => {
    const text = releaseNotesText(`<p>${'word '.repeat(10_000)}</p>`)
    expect(text.length).toBeLessThanOrEqual(maxReleaseNotesLength)
    expect(text.endsWith('word…')).toBe(true)
  })

  it('does not cut an emoji in half at the cap', () => {
    const text = releaseNotesText('a'.repeat(maxReleaseNotesLength - 2) + '😀'.repeat(10))
    expect(text).toBe(`${'a'.repeat(maxReleaseNotesLength - 2)}…`)
  })

  it('stays fast on hostile input made to make a parser backtrack', () => {
    const started = performance.now()
    releaseNotesText('<a "'.repeat(50_000))
    releaseNotesText('<a '.repeat(60_000) + '<br>')
    releaseNotesText('&lt;a '.repeat(30_000))
    releaseNotesText(`<p>${'<!--'.repeat(50_000)}`)
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('ignores what is not notes in a changelog list', () => {
    const notes = [{ version: '2.0.0<script>', note: '<b>Big</b> release' }, null, { version: 3, note: 4 }] as never
    expect(releaseNotesText(notes)).toBe('Version 2.0.0\nBig release')
  })
})
