import { describe, expect, it } from 'vitest'
import { exportPageContentSecurityPolicy } from '../spaces/export/projectToHtml'
import { renderTermReport, termReportFileName } from './renderTermReport'
import { hostile, sampleCheckIn, sampleInput, sampleSummary } from './sampleTermReport'
import { roundCeiling, weekChartSvg } from './weekChartSvg'

/** Text as a reader sees it: tags dropped, character references decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ')
    .trim()
}

function sectionOf(html: string, id: string): string {
  const match = new RegExp(`<section aria-labelledby="${id}">([\\s\\S]*?)</section>`).exec(html)
  if (!match) throw new Error(`no section ${id}`)
  return match[1]!
}

/** Each table row of some HTML as its cells' text. */
function rowsOf(html: string): string[][] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1]!)))
}

describe('renderTermReport', () => {
  const html = renderTermReport(sampleInput())

  it('heads the page with the name, the period and the period it is compared with', () => {
    expect(textOf(/<header>[\s\S]*<\/header>/.exec(html)![0])).toBe(
      `Term report: 1 Sep 2026 – 21 Sep 2026 Prepared by Ms Diallo ${hostile.script} · 21 days, compared with 11 Aug 2026 – 31 Aug 2026 · Made on 21 Sep 2026 with Staffroom`,
    )
    expect(termReportFileName('2026-09-01', '2026-09-21', 'html')).toBe('Term report 2026-09-01 to 2026-09-21.html')
  })

  it('has every section, in the dashboard’s order, then the check-ins', () => {
    const ids = [...html.matchAll(/<section aria-labelledby="([^"]+)">/g)].map((m) => m[1])
    expect(ids).toEqual(['goals', 'engagement', 'balance', 'reciprocity', 'breadth', 'keeping-in-touch', 'learning', 'check-ins'])
  })

  it('lists goals at risk first with progress, expected pace, deadline and counts', () => {
    const goals = sectionOf(html, 'goals')
    expect(textOf(goals)).toContain('1 at risk · 1 on track · 1 achieved')
    expect(rowsOf(goals)).toEqual([
      ['Goal', 'Status', 'Progress', 'Expected by now', 'Deadline', 'At risk'],
      [`Present at a conference ${hostile.script}`, 'active', '0 of 2 events attended (0%)', '100%', '15 Sep 2026 (6 days past)', 'At risk'],
      [`Mentor a new teacher ${hostile.quotes}`, 'active', '4 of 10 meaningful conversations (40%)', '20%', '18 Dec 2026 (88 days left)', 'No'],
      ['Read more research', 'achieved', 'No target', '—', 'None', 'No'],
    ])
  })

  it('shows engagement as trends, a bar chart with a title on every bar, and the same figures in a table', () => {
    const engagement = sectionOf(html, 'engagement')
    const rows = rowsOf(engagement)
    expect(rows.slice(0, 3)).toEqual([
      ['Figure', 'This period', 'Period before', 'Change'],
      ['Interactions', '18', '12', '+50%'],
      ['Meaningful conversations', '7', '7', 'no change'],
    ])
    expect(rows.slice(3)).toEqual([
      ['Week of', 'Interactions', 'Meaningful', 'In person', 'Online'],
      ['31 Aug 2026', '5', '2', '3', '2'],
      ['7 Sep 2026', '9', '4', '2', '7'],
      ['14 Sep 2026', '4', '1', '1', '3'],
    ])
    const svg = /<svg[\s\S]*<\/svg>/.exec(engagement)![0]
    expect(svg).toContain('role="img" aria-labelledby="engagement-chart"')
    expect([...svg.matchAll(/<rect [^>]*><title>([^<]*)<\/title><\/rect>/g)].map((m) => m[1])).toEqual([
      'Week of 31 Aug 2026: 5 interactions',
      'Week of 31 Aug 2026: 2 meaningful conversations',
      'Week of 7 Sep 2026: 9 interactions',
      'Week of 7 Sep 2026: 4 meaningful conversations',
      'Week of 14 Sep 2026: 4 interactions',
      'Week of 14 Sep 2026: 1 meaningful conversation',
    ])
  })

  it('draws bars in proportion to a round axis top', () => {
    const svg = weekChartSvg(sampleSummary().engagement.perWeek, 't')
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)" fill="#3b5bdb"><title>/g)].map((m) => Number(m[1]))
    // Axis top 10 over 158 px: 5, 9 and 4 interactions.
    expect(heights).toEqual([79, 142.2, 63.2])
    expect([0.5, 1, 3, 9, 10, 11, 140, 2_001].map(roundCeiling)).toEqual([1, 1, 5, 10, 10, 20, 200, 5_000])
    expect(weekChartSvg([{ weekStart: '2026-09-07', interactions: 0, meaningful: 0, inPerson: 0, online: 0 }], 'z')).not.toMatch(/NaN|Infinity/)
  })

  it('gives balance, reciprocity, breadth, keeping in touch and learning with their figures', () => {
    expect(textOf(sectionOf(html, 'balance'))).toContain('33% of interactions were in person (period before: 67%).')
    expect(rowsOf(sectionOf(html, 'balance')).slice(1)).toEqual([
      ['In person', '6', '8', '−25%'],
      ['Online', '12', '4', '+200%'],
    ])
    expect(rowsOf(sectionOf(html, 'reciprocity'))).toEqual([
      ['Figure', 'This period', 'Period before', 'Change'],
      ['Given', '5', '0', 'new this period'],
      ['Received', '9', '3', '+200%'],
      ['Person', 'Given', 'Received'],
      [`Ana ${hostile.image}`, '3', '1'],
      ['Bo Chen', '0', '6'],
    ])
    const breadth = sectionOf(html, 'breadth')
    expect(rowsOf(breadth)).toEqual([
      ['Figure', 'This period', 'Period before', 'Change'],
      ['New connections', '3', '1', '+200%'],
      ['Dimension', 'Distinct', 'Evenness', 'Most common', 'Unknown'],
      ['Subjects', '4', '0.87', `Maths ${hostile.quotes} (5), Art (2)`, '1'],
      ['Regions', '1', '—', 'Leeds (3)', '4'],
      ['Community', 'In this period', 'Last activity', 'Interactions'],
      [`#MathsChat ${hostile.script}`, 'Active', '10 Sep 2026', '6'],
      ['Science TeachMeet', 'Dormant', 'Never', '0'],
    ])
    expect(textOf(breadth)).toContain('Communities: 1 active, 1 dormant in this period.')
    const touch = sectionOf(html, 'keeping-in-touch')
    expect(textOf(touch)).toContain('23 people you are losing touch with · 1 follow-up due')
    expect(textOf(touch)).toContain('The 1 most overdue of 23 people are listed.')
    expect(rowsOf(touch)).toEqual([
      ['Person', 'Last interaction', 'Days overdue'],
      [`Cy ${hostile.quotes}`, '2 Jun 2026', '41'],
      ['Interaction', 'On', 'With', 'Days overdue'],
      [`Send the rubric ${hostile.image}`, '3 Sep 2026', 'Bo Chen', '11'],
    ])
    const learning = sectionOf(html, 'learning')
    expect(textOf(/<dl[\s\S]*<\/dl>/.exec(learning)![0])).toBe(
      'Reading list: to read 6 Reading list: reading 2 Setbacks written about 3 Setbacks with a lesson learned 2 Lessons learned 5 Lesson projects in all 4',
    )
    expect(rowsOf(learning).slice(1)).toEqual([
      ['Read', '3', '2', '+50%'],
      ['Applied in class', '1', '0', 'new this period'],
      ['Journal entries', '8', '4', '+100%'],
      ['Lesson projects active', '2', '2', 'no change'],
    ])
  })

  it('writes each check-in’s four questions with their ratings and texts, and a table of ratings over the period', () => {
    const later = sampleCheckIn({ id: 'k2', date: '2026-09-21', cadence: 'monthly', periodStart: '2026-09-01', periodEnd: '2026-09-21', goalsRating: 5, goalsText: 'On track.', figures: {} })
    const section = sectionOf(renderTermReport(sampleInput({ checkIns: [sampleCheckIn(), later], checkInsLeftOut: 3 })), 'check-ins')
    expect(rowsOf(section).slice(0, 3)).toEqual([
      ['Date', 'Cadence', 'Goals', 'Conversations', 'Learning', 'Network fit'],
      ['20 Sep 2026', 'Weekly', '4 / 5', '3 / 5', 'Not rated', '2 / 5'],
      ['21 Sep 2026', 'Monthly', '5 / 5', '3 / 5', 'Not rated', '2 / 5'],
    ])
    expect(textOf(section)).toContain('The 3 oldest check-ins of the period are left out')
    const first = /<article[\s\S]*?<\/article>/.exec(section)![0]
    expect(textOf(first)).toBe(
      [
        'Check-in of 20 Sep 2026 (weekly, 14 Sep 2026 – 20 Sep 2026)',
        `Are you achieving your goals? Rating: 4 / 5 Two mentoring talks. One more planned. ${hostile.script}`,
        `Are you actively engaged in meaningful conversations? Rating: 3 / 5 ${hostile.image}`,
        'Are you learning and growing? Rating: Not rated Nothing written.',
        `What will you adjust? Network fit: 2 / 5 Meet ${hostile.quotes} in person`,
        `The period’s figures when this check-in was written Figure Value interactions 4 odd ${hostile.script} 1`,
      ].join(' '),
    )
    // Line breaks kept as typed (the answer paragraph is pre-wrap).
    expect(first).toContain('Two mentoring talks.\nOne more planned.')
    expect(textOf(sectionOf(renderTermReport(sampleInput({ checkIns: [] })), 'check-ins'))).toBe('Check-ins No check-ins were written for this period.')
  })

  it('is a standalone page: its own CSP, print styles, no script, nothing external, every typed text escaped', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${exportPageContentSecurityPolicy}">`)
    expect(exportPageContentSecurityPolicy).toMatch(/^default-src 'none'/)
    expect(html).toMatch(/@page \{ size: A4/)
    expect(html).toContain('@media print')
    const tags = html.match(/<[a-z][^>]*>/gi) ?? []
    expect(tags.filter((tag) => /^<(script|img|link|iframe|object|embed|a)\b|\s(on\w+|src|href)=/i.test(tag))).toEqual([])
    expect(html).not.toMatch(/<script|javascript:|@import|url\(/i)
    expect(html).toContain('&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;')
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;')
    expect(html).toContain('&#34;quoted&#34; &#38; &#39;single&#39;')
  })

  it('says so when a section has nothing, rather than leaving it out', () => {
    const summary = sampleSummary()
    summary.goals = { rows: [], atRisk: 0, onTrack: 0, achieved: 0 }
    summary.balance.inPersonShare = { current: null, previous: null }
    const empty = renderTermReport(sampleInput({ summary }))
    expect(textOf(sectionOf(empty, 'goals'))).toBe('Goals No goals were set.')
    expect(textOf(sectionOf(empty, 'balance'))).toContain('No interactions in this period.')
  })
})
