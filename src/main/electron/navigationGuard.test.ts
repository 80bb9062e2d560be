import { describe, expect, it } from 'vitest'
import { AppOrigin } from './AppOrigin'
import { guardWebContents } from './navigationGuard'
import { FakeWebContents } from './testing/FakeWebContents'

function guarded() {
  const contents = new FakeWebContents()
  const opened: string[] = []
  const logged: string[] = []
  guardWebContents(contents, new AppOrigin({ kind: 'bundle' }), { openExternal: async (url) => void opened.push(url) }, (line) => logged.push(line))
  return { contents, opened, logged }
}

describe('navigation guard: what reaches shell.openExternal', () => {
  it("hands the OS the URL parser's serialisation, not the page's raw string", async () => {
    const { contents, opened } = guarded()
    // Each is a valid https/mailto link once parsed, but its raw text has spaces, control
    // characters, quotes or upper case that an OS URL handler might read differently.
    const raw = [' https://example.org/a', '\thttps://example.org/b', 'https://example.org/c"d e', 'HTTPS://EXAMPLE.ORG/f', 'https://exa\nmple.org/g', 'mailto:head@school.example?subject=a b']
    for (const url of raw) contents.windowOpenHandler?.({ url })
    await Promise.resolve()
    expect(opened).toEqual([
      'https://example.org/a',
      'https://example.org/b',
      'https://example.org/c%22d%20e',
      'https://example.org/f',
      'https://example.org/g',
      'mailto:head@school.example?subject=a%20b',
    ])
    for (const url of opened) expect(url).toBe(new URL(url).href)
  })

  it('still refuses what may not leave the app, and logs it', async () => {
    const { contents, opened, logged } = guarded()
    for (const url of ['http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'https://user:pw@example.org/'])
      expect(contents.navigate('will-navigate', url)).toBe(true)
    await Promise.resolve()
    expect(opened).toEqual([])
    expect(logged).toHaveLength(5)
  })
})
