import * as A from '@automerge/automerge'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import { projectExportLimits } from '@shared/api/projectExport'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { describe, expect, it } from 'vitest'
import { coreCluster } from '../../testing/coreCluster'
import { call } from '../../testing/coreHarness'

describe('project export and Markdown import through the API', () => {
  const cluster = coreCluster()

  it('exports Markdown and HTML, imports the Markdown as a new project, and exports it again unchanged', async () => {
    const core = await cluster.open('a', { deviceName: 'Ann’s laptop' })
    const { project } = await call(core, 'projects.create', { title: 'Fractions: week 1', template: 'lesson-plan', subject: 'Maths', grade: 'Year 5' })
    await call(core, 'projects.addTask', { projectId: project.id, title: 'Print sheets', due: '2026-12-10' })
    await call(core, 'projects.addResource', { projectId: project.id, title: 'NCETM', url: 'https://www.ncetm.org.uk/', note: 'Bar models' })

    const markdown = await call(core, 'projects.exportMarkdown', { projectId: project.id })
    expect(markdown.fileName).toBe('Fractions week 1.md')
    expect(markdown.text).toMatch(/^# Fractions: week 1\n\n\*Subject: Maths · Grade: Year 5 · Members: Ann’s laptop \(owner\)\*\n\n## Objectives\n/)
    expect(markdown.text).toContain('- [ ] Slides\n- [ ] Handouts')
    expect(markdown.text).toContain('## Tasks\n\n- [ ] Print sheets *(due 2026-12-10)*\n\n## Resources\n\n- [NCETM](<https://www.ncetm.org.uk/>) — *Bar models*\n')

    const html = await call(core, 'projects.exportHtml', { projectId: project.id })
    expect(html.fileName).toBe('Fractions week 1.html')
    expect(html.text).toContain('<h1>Fractions: week 1</h1>')
    expect(html.text).toContain('<h3>Objectives</h3>')

    const before = (await call(core, 'spaces.list', {})).spaces.length
    const { project: imported } = await call(core, 'projects.importMarkdown', { fileName: 'whatever.md', text: markdown.text })
    expect(imported).toMatchObject({ title: 'Fractions: week 1', subject: 'Maths', grade: 'Year 5', template: 'blank', myRole: 'owner' })
    expect(imported.id).not.toBe(project.id)
    expect(imported.tasks).toMatchObject([{ title: 'Print sheets', due: '2026-12-10', done: false, assignee: null }])
    expect(imported.resources).toMatchObject([{ title: 'NCETM', url: 'https://www.ncetm.org.uk/', note: 'Bar models' }])
    expect((await call(core, 'spaces.list', {})).spaces).toHaveLength(before + 1)
    expect((await call(core, 'projects.exportMarkdown', { projectId: imported.id })).text).toBe(markdown.text)
  })

  it('round-trips hand-written Markdown: headings, nested lists, checklists, links and tables come back as written', async () => {
    const core = await cluster.open('a', { deviceName: 'Ann' })
    const body = [
      '## Objectives',
      '',
      'Students explain **evaporation** and _condensation_, see [Met Office](<https://www.metoffice.gov.uk/>).',
      '',
      '- Evaporation',
      '   - Condensation',
      '      1. Clouds',
      '',
      '1. Starter',
      '2. Main',
      '',
      '- [x] Print diagrams',
      '- [ ] Book the lab',
      '',
      '| Time | Activity |',
      '| --- | --- |',
      '| 10 min | Starter \\| recap |',
      '| 30 min | **Experiment** |',
      '',
    ].join('\n')
    // As a Windows editor saves it: a byte-order mark and CRLF line ends.
    const { project } = await call(core, 'projects.importMarkdown', { fileName: 'water.md', text: `\uFEFF# Water cycle\r\n\r\n${body.replace(/\n/g, '\r\n')}` })
    expect(project.title).toBe('Water cycle')
    const exported = (await call(core, 'projects.exportMarkdown', { projectId: project.id })).text
    expect(exported).toBe(`# Water cycle\n\n*Members: Ann (owner)*\n\n${body}`)
  })

  it('imports hostile Markdown as inert text: no script, no javascript: link, no remote image, a 50,000-character line whole', async () => {
    const core = await cluster.open('a')
    const long = 'word '.repeat(10_000).trim()
    const text = [
      '<script>alert(1)</script>',
      '',
      '[click me](javascript:alert(1)) and [safe](https://example.org/)',
      '',
      '![tracking pixel](https://tracker.example/pixel.gif)',
      '',
      '<img src="https://tracker.example/x.png" onerror="alert(1)">',
      '',
      long,
    ].join('\n')
    const { project } = await call(core, 'projects.importMarkdown', { fileName: 'hostile.markdown', text })
    expect(project.title).toBe('hostile')
    const doc = (await core.repo.find<ProjectDoc>(project.url as AutomergeUrl)).doc()
    const spans = A.spans(doc, ['body'])
    // Block markers as the editor reads them: type and parents as ImmutableString, never text.
    const markers = spans.flatMap((s) => (s.type === 'block' ? [s.value] : []))
    expect(markers.every((m) => A.isImmutableString(m.type) && (m.parents as unknown[]).every((p) => A.isImmutableString(p)))).toBe(true)
    const texts = spans.flatMap((s) => (s.type === 'text' ? [s.value] : []))
    expect(texts).toContain('<script>alert(1)</script>')
    expect(texts).toContain(long)
    expect(texts.join('')).toContain('tracking pixel')
    const links = spans.flatMap((s) => (s.type === 'text' && typeof s.marks?.link === 'string' ? [JSON.parse(s.marks.link).href] : []))
    expect(links).toEqual(['https://example.org/'])
    expect(JSON.stringify(spans)).not.toContain('tracker.example/pixel')

    const html = (await call(core, 'projects.exportHtml', { projectId: project.id })).text
    // Hostile text is in the page only as escaped text: every tag is one the export writes itself.
    const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)].map(([, name, attrs]) => ({ name: name!.toLowerCase(), attrs: attrs! }))
    const written = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'p', 'main', 'a'])
    expect(tags.filter((t) => !written.has(t.name))).toEqual([])
    expect(tags.filter((t) => /\s(src|on\w+)=/i.test(t.attrs))).toEqual([])
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://example.org/'])
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    expect((await call(core, 'projects.exportMarkdown', { projectId: project.id })).text).toContain('\\<script\\>alert(1)\\</script\\>')
  })

  it('refuses a file over 5 MB or a binary file clearly, and creates nothing', async () => {
    const core = await cluster.open('a')
    const tooBig = '# Big\n\n' + 'a'.repeat(projectExportLimits.importBytes)
    expect(await core.dispatch('projects.importMarkdown', { fileName: 'big.md', text: tooBig })).toEqual({
      ok: false,
      error: { code: 'too-large', message: expect.stringMatching(/^This file is 5\.0 MB; Staffroom imports Markdown files up to 5\.0 MB\..*Nothing was created\.$/) },
    })
    // Multi-byte characters count as bytes, not characters.
    const wide = 'é'.repeat(projectExportLimits.importBytes / 2 + 1)
    expect(await core.dispatch('projects.importMarkdown', { text: wide })).toMatchObject({ ok: false, error: { code: 'too-large' } })
    // Under 5 MB but more structure than a project holds: refused after parsing, before writing.
    const paragraphs = Array.from({ length: projectExportLimits.importBlocks + 1 }, (_, i) => `Paragraph ${i}`).join('\n\n')
    expect(await core.dispatch('projects.importMarkdown', { text: paragraphs })).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/^This file has 5,001 paragraphs, headings, list items and table cells; a project holds up to 5,000\./) } })
    const runs = '*a* b '.repeat(projectExportLimits.importRuns / 2 + 1)
    expect(await core.dispatch('projects.importMarkdown', { text: runs })).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/separately formatted pieces of text/) } })
    expect(await core.dispatch('projects.importMarkdown', { fileName: 'photo.md', text: 'PNG\u0000\u0001' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/not a Markdown text file/) } })
    expect(await core.dispatch('projects.importMarkdown', { fileName: 'x.md' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect((await call(core, 'spaces.list', { includeArchived: true })).spaces).toEqual([])
  })

  it('names an untitled import after its file, exports for viewers too, and says PDF needs the desktop app', async () => {
    const core = await cluster.open('a')
    const { project } = await call(core, 'projects.importMarkdown', { fileName: 'C:\\Users\\ann\\Unit plan.txt', text: 'Just a paragraph.' })
    expect(project.title).toBe('Unit plan')
    // A viewer cannot change the project but can take a copy of it away.
    const handle = await core.repo.find<ProjectDoc>(project.url as AutomergeUrl)
    handle.change((doc) => {
      doc.members[core.sync.identity.deviceId]!.role = 'viewer'
    })
    expect(await core.dispatch('projects.addTask', { projectId: project.id, title: 'x' })).toMatchObject({ ok: false })
    expect((await call(core, 'projects.exportMarkdown', { projectId: project.id })).text).toMatch(/\(viewer\)\*\n\nJust a paragraph\.\n$/)
    expect((await call(core, 'projects.exportHtml', { projectId: project.id })).text).toContain('<p>Just a paragraph.</p>')
    expect((await call(core, 'projects.importMarkdown', { text: '' })).project.title).toBe('Imported project')
    expect(await core.dispatch('projects.exportMarkdown', { projectId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await core.dispatch('projects.exportPdf', { projectId: project.id })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/desktop app.*Print/) } })
  })
})
