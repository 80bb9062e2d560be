import * as A from '@automerge/automerge'
import { projectSchemaVersion, type ProjectDoc } from '@shared/spaces/ProjectDoc'
import { describe, expect, it } from 'vitest'
import { spansToMarkdown } from '../../io/markdown/spansToMarkdown'
import { markdownToSpans, maxListDepth } from './markdownToSpans'
import { exportFileName } from './projectForExport'
import { projectToMarkdown, readProjectMarkdown } from './projectMarkdown'
import { exportPageContentSecurityPolicy, projectToHtml } from './projectToHtml'
import { spansToHtml } from './spansToHtml'

/** A block marker as the editor writes it (type and parents as ImmutableString). */
const block = (type: string, parents: string[] = [], attrs: Record<string, A.ScalarValue> = {}): A.Span => ({
  type: 'block',
  value: { type: new A.ImmutableString(type), parents: parents.map((p) => new A.ImmutableString(p)), attrs, isEmbed: false },
})
const text = (value: string, marks?: A.MarkSet): A.Span => (marks ? { type: 'text', value, marks } : { type: 'text', value })

function projectDoc(spans: A.Span[], fields: Partial<ProjectDoc> = {}): A.Doc<ProjectDoc> {
  const initial: ProjectDoc = {
    kind: 'project',
    schemaVersion: projectSchemaVersion,
    title: 'Fractions, week 1',
    subject: 'Maths',
    grade: 'Year 5',
    template: 'blank',
    body: '',
    tasks: {},
    resources: {},
    members: { d1: { name: 'Ann Lee', role: 'owner', addedAt: 1 }, d2: { name: 'Bo Chen', role: 'editor', addedAt: 2 } },
    authors: {},
    comments: {},
    createdAt: 1,
    archivedAt: null,
    ...fields,
  }
  // A.from wants an index signature, which a document interface does not declare.
  const doc = A.from(initial as unknown as Record<string, unknown>) as unknown as A.Doc<ProjectDoc>
  return A.change(doc, (d) => A.updateSpans(d, ['body'], spans))
}

/** Spans as A.spans gives them back (text runs merged, marks as stored). */
function stored(spans: A.Span[]): A.Span[] {
  return A.spans(projectDoc(spans), ['body'])
}

const link = (href: string) => JSON.stringify({ href, title: null })

describe('Markdown to project body', () => {
  it('reads headings, nested and checklist items, marks, links and tables into the editor block shapes', () => {
    const { title, spans } = markdownToSpans(
      [
        '# Fractions unit',
        '',
        'Use **pizza** and *bars*, see [NCETM](https://www.ncetm.org.uk/).',
        '',
        '#### Deep heading',
        '',
        '- Halves',
        '  1. Quarters',
        '- [x] Print sheets',
        '- [ ] Book the hall',
        '',
        '| Time | Activity |',
        '| --- | --- |',
        '| 10 min | Starter \\| warm-up |',
      ].join('\n'),
    )
    expect(title).toBe('Fractions unit')
    expect(spans).toEqual([
      block('paragraph'),
      text('Use '),
      text('pizza', { strong: true }),
      text(' and '),
      text('bars', { em: true }),
      text(', see '),
      text('NCETM', { link: link('https://www.ncetm.org.uk/') }),
      text('.'),
      block('heading', [], { level: 3 }),
      text('Deep heading'),
      block('unordered-list-item'),
      text('Halves'),
      block('ordered-list-item', ['unordered-list-item']),
      text('Quarters'),
      block('task-list-item', [], { checked: true }),
      text('Print sheets'),
      block('task-list-item', [], { checked: false }),
      text('Book the hall'),
      block('table'),
      block('table-row', ['table']),
      block('table-header', ['table', 'table-row']),
      text('Time'),
      block('table-header', ['table', 'table-row']),
      text('Activity'),
      block('table-row', ['table']),
      block('table-cell', ['table', 'table-row']),
      text('10 min'),
      block('table-cell', ['table', 'table-row']),
      text('Starter | warm-up'),
    ])
  })

  it('keeps raw HTML as text, drops unsafe links, and turns images into their words', () => {
    const { spans } = markdownToSpans(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [click](javascript:alert(1)) [data](data:text/html,hi) [creds](https://u:p@evil.example/) ![a chart](https://tracker.example/pixel.png)',
    )
    const all = JSON.stringify(spans)
    expect(spans.filter((s) => s.type === 'text').map((s) => s.value)).toEqual([
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)> [click](javascript:alert(1)) [data](data:text/html,hi) creds a chart',
    ])
    expect(all).not.toContain('"link"')
    expect(all).not.toContain('tracker.example')
  })

  it('reads a 50,000-character line and caps deeply nested lists instead of failing', () => {
    const long = 'x'.repeat(50_000)
    expect(markdownToSpans(long).spans).toEqual([block('paragraph'), text(long)])
    const deep = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')
    const spans = markdownToSpans(deep).spans.filter((s): s is Extract<A.Span, { type: 'block' }> => s.type === 'block')
    expect(spans.length).toBeGreaterThan(maxListDepth)
    expect(Math.max(...spans.map((s) => (s.value.parents as unknown[]).length))).toBe(maxListDepth)
    expect(() => stored(markdownToSpans(deep).spans)).not.toThrow()
    // Nesting markdown-it itself stops at (quotes, list markers on one line) ends as text, not a crash.
    expect(markdownToSpans(`${'>'.repeat(50_000)} quoted`).spans.length).toBeGreaterThan(0)
    const markers = markdownToSpans(`${'- '.repeat(20_000)}item`).spans
    expect(Math.max(...markers.map((s) => (s.type === 'block' ? (s.value.parents as unknown[]).length : 0)))).toBe(maxListDepth)
  })
})

describe('project body to Markdown and back', () => {
  it('round-trips headings, lists, checklists, links and tables', () => {
    const body: A.Span[] = [
      block('heading', [], { level: 2 }),
      text('Objectives'),
      block('paragraph'),
      text('Read '),
      text('the guide', { link: link('https://example.org/guide') }),
      text(' and '),
      text('with care', { strong: true }),
      block('unordered-list-item'),
      text('Halves'),
      block('unordered-list-item', ['unordered-list-item']),
      text('Quarters'),
      block('ordered-list-item'),
      text('First'),
      block('task-list-item', [], { checked: true }),
      text('Print sheets'),
      block('table'),
      block('table-row', ['table']),
      block('table-header', ['table', 'table-row']),
      text('Time'),
      block('table-header', ['table', 'table-row']),
      text('Activity | notes'),
      block('table-row', ['table']),
      block('table-cell', ['table', 'table-row']),
      text('10 min'),
      block('table-cell', ['table', 'table-row']),
      text('Starter', { em: true }),
      block('paragraph'),
      text('After the table'),
    ]
    const markdown = spansToMarkdown(stored(body))
    expect(markdown).toContain('| Time | Activity \\| notes |\n| --- | --- |\n| 10 min | _Starter_ |')
    expect(stored(markdownToSpans(markdown).spans)).toEqual(stored(body))
  })

  it('writes spaces at the edge of a bold or italic run outside it, where Markdown reads them', () => {
    const markdown = spansToMarkdown(stored([block('paragraph'), text('Read'), text(' with care ', { strong: true }), text('now')]))
    expect(markdown).toBe('Read **with care** now\n')
  })

  it('reads tables whose rows have no markers by the width of the header row', () => {
    const body = [block('table-header', ['table', 'table-row']), text('A'), block('table-header', ['table', 'table-row']), text('B'), block('table-cell', ['table', 'table-row']), text('1'), block('table-cell', ['table', 'table-row'])]
    expect(spansToMarkdown(stored(body))).toBe('| A | B |\n| --- | --- |\n| 1 |  |\n')
  })
})

describe('project export', () => {
  const body = [block('heading', [], { level: 1 }), text('Plan'), block('paragraph'), text('<script>alert(1)</script> *not bold*'), block('paragraph'), text('bad', { link: link('javascript:alert(1)') })]
  const fields: Partial<ProjectDoc> = {
    title: 'Poems <b>& "more"</b>',
    tasks: { t1: { id: 't1', title: 'Find three poems', assignee: 'd1', due: '2026-12-10', done: false, createdAt: 1 }, t2: { id: 't2', title: 'Book *library*', assignee: null, due: null, done: true, createdAt: 2 } },
    resources: { r1: { id: 'r1', title: 'Poetry Foundation', url: 'https://www.poetryfoundation.org/', note: 'Good for starters', addedBy: 'd1', addedAt: 1 }, r2: { id: 'r2', title: 'Anthology', url: null, note: '', addedBy: 'd1', addedAt: 2 } },
  }

  it('writes Markdown with the title, facts, escaped body, tasks and resources, and reads it back as the same project', () => {
    const markdown = projectToMarkdown(projectDoc(body, fields))
    expect(markdown).toBe(
      [
        '# Poems \\<b\\>\\& "more"\\</b\\>',
        '',
        '*Subject: Maths · Grade: Year 5 · Members: Ann Lee (owner), Bo Chen (editor)*',
        '',
        '# Plan',
        '',
        '\\<script\\>alert(1)\\</script\\> \\*not bold\\*',
        '',
        '[bad](#)',
        '',
        '---',
        '',
        '## Tasks',
        '',
        '- [ ] Find three poems *(Ann Lee, due 2026-12-10)*',
        '- [x] Book \\*library\\*',
        '',
        '## Resources',
        '',
        '- [Poetry Foundation](<https://www.poetryfoundation.org/>) — *Good for starters*',
        '- Anthology',
        '',
      ].join('\n'),
    )
    const read = readProjectMarkdown(markdown)
    expect(read).toMatchObject({
      title: 'Poems <b>& "more"</b>',
      subject: 'Maths',
      grade: 'Year 5',
      tasks: [
        { title: 'Find three poems', done: false, due: '2026-12-10' },
        { title: 'Book *library*', done: true, due: null },
      ],
      resources: [
        { title: 'Poetry Foundation', url: 'https://www.poetryfoundation.org/', note: 'Good for starters' },
        { title: 'Anthology', url: null, note: '' },
      ],
    })
    expect(spansToMarkdown(stored(read.body))).toBe('# Plan\n\n\\<script\\>alert(1)\\</script\\> \\*not bold\\*\n\nbad\n')
  })

  it('writes a standalone page: its own CSP, no script or external resource, every text escaped, safe links only', () => {
    const table = [block('table'), block('table-row', ['table']), block('table-header', ['table', 'table-row'], { colspan: 2 }), text('Lesson <1>')]
    const html = projectToHtml(projectDoc([...body, ...table, block('task-list-item', [], { checked: true }), text('Done')], fields))
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${exportPageContentSecurityPolicy}">`)
    expect(html).toContain('@page { size: A4;')
    expect(html).toContain('<title>Poems &#60;b&#62;&#38; &#34;more&#34;&#60;/b&#62;</title>')
    expect(html).toContain('<p>&#60;script&#62;alert(1)&#60;/script&#62; *not bold*</p>')
    expect(html).toContain('<p>bad</p>')
    expect(html).toContain('<tr><th colspan="2">Lesson &#60;1&#62;</th></tr>')
    expect(html).toContain('<ul class="checklist">\n<li aria-label="Done"><span class="box" aria-hidden="true">☑</span> Done\n</li></ul>')
    expect(html).toContain('<a href="https://www.poetryfoundation.org/" rel="noopener noreferrer">Poetry Foundation</a> — <span class="note">Good for starters</span>')
    expect(html).toContain('☐</span> Find three poems <span class="due">(Ann Lee, due 2026-12-10)</span>')
    expect(html).not.toMatch(/<script|javascript:|<img|<link|<iframe|src=|@import|url\(/i)
  })

  it('keeps a title or heading that ends in "#" whole', () => {
    const markdown = projectToMarkdown(projectDoc([block('heading', [], { level: 2 }), text('Notes on C #')], { title: 'Year 5 #' }))
    expect(markdown).toMatch(/^# Year 5 \\#\n[\s\S]*\n## Notes on C \\#\n$/)
    const read = readProjectMarkdown(markdown)
    expect(read.title).toBe('Year 5 #')
    expect(read.body.flatMap((s) => (s.type === 'text' ? [s.value] : []))).toEqual(['Notes on C #'])
  })

  it('nests HTML lists as the body nests them, a new list where the kind changes', () => {
    const html = spansToHtml(
      stored([
        block('unordered-list-item'),
        text('a'),
        block('ordered-list-item', ['unordered-list-item']),
        text('b'),
        block('paragraph', ['unordered-list-item', 'ordered-list-item']),
        text('b2'),
        block('unordered-list-item'),
        text('c'),
        block('task-list-item', [], { checked: false }),
        text('d'),
        // A marker three levels deep with nothing around it sits one level in.
        block('unordered-list-item', ['task-list-item', 'task-list-item', 'task-list-item']),
        text('e'),
        block('paragraph'),
        text('f'),
      ]),
    )
    expect(html.replace(/\n/g, '')).toBe(
      '<ul><li>a<ol><li>b<p>b2</p></li></ol></li><li>c</li></ul>' +
        '<ul class="checklist"><li aria-label="To do"><span class="box" aria-hidden="true">☐</span> d<ul><li>e</li></ul></li></ul>' +
        '<p>f</p>',
    )
  })

  it('makes a safe file name from any title', () => {
    expect(exportFileName('Poems: week 1/2 <draft>', 'md')).toBe('Poems week 1 2 draft.md')
    expect(exportFileName('../..', 'html')).toBe('Project.html')
    expect(exportFileName('CON', 'md')).toBe('CON project.md')
    expect(exportFileName('x'.repeat(500), 'md')).toHaveLength(103)
  })
})
