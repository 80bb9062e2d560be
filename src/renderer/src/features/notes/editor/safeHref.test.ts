import { describe, expect, it } from 'vitest'
import { normaliseLinkInput, safeHref } from './safeHref'

describe('safeHref', () => {
  it('keeps http, https and mailto links', () => {
    expect(safeHref('https://example.org/a?b=c')).toBe('https://example.org/a?b=c')
    expect(safeHref('http://example.org')).toBe('http://example.org/')
    expect(safeHref('mailto:head@school.example')).toBe('mailto:head@school.example')
  })

  it('refuses script, data, file and relative links', () => {
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', '/relative', '', null]) {
      expect(safeHref(href)).toBeNull()
    }
  })

  it('turns what people type into a link address', () => {
    expect(normaliseLinkInput('example.org/unit-3')).toBe('https://example.org/unit-3')
    expect(normaliseLinkInput('head@school.example')).toBe('mailto:head@school.example')
    expect(normaliseLinkInput('javascript:alert(1)')).toBeNull()
  })
})
