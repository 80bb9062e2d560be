import { describe, expect, it } from 'vitest'
import { externalLinkRefusal, mayOpenExternally } from './links'

describe('links that may open outside the app', () => {
  it('allows https web pages and mailto e-mails', () => {
    expect(mayOpenExternally('https://example.org/unit-3?week=2')).toBe(true)
    expect(mayOpenExternally('mailto:colleague@school.example')).toBe(true)
  })

  it('refuses http, with a reason that points to https', () => {
    expect(mayOpenExternally('http://example.org/')).toBe(false)
    expect(externalLinkRefusal('http://example.org/')).toMatch(/https:\/\//)
  })

  it('refuses other schemes, disguised hosts, overlong and malformed addresses', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'staffroom://x', 'https://user:pw@example.org/', 'https://user@example.org/', 'not a url', `https://example.org/${'a'.repeat(2048)}`]) {
      expect(mayOpenExternally(url), url).toBe(false)
      expect(externalLinkRefusal(url), url).toBeTruthy()
    }
  })
})
