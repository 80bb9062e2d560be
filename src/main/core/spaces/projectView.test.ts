import { describe, expect, it } from 'vitest'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { toProjectView } from './projectView'

/** A project document as a (possibly hostile) peer may have written it: any value in any field. */
function docWithResourceUrls(urls: unknown[]): ProjectDoc {
  const resources = Object.fromEntries(urls.map((url, index) => [`r${index}`, { id: `r${index}`, title: `Resource ${index}`, url, note: '', addedBy: 'peer', addedAt: index }]))
  return { title: 'Shared plan', members: {}, tasks: {}, resources } as unknown as ProjectDoc
}

describe('toProjectView: resource links a peer wrote', () => {
  it('keeps http(s) links and drops every other scheme, so no screen or export ever gets a script or data link', () => {
    const urls = [
      'https://example.org/plan',
      'http://example.org/plan',
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      'https://example.org/a b',
      `https://example.org/${'a'.repeat(2_100)}`,
      42,
      null,
    ]
    const view = toProjectView('p1', 'automerge:p1', docWithResourceUrls(urls), 'me')
    expect(view.resources.map((resource) => resource.url)).toEqual(['https://example.org/plan', 'http://example.org/plan', ...urls.slice(2).map(() => null)])
    // The resources themselves are kept (title and note still show), only the link goes.
    expect(view.resources).toHaveLength(urls.length)
  })
})
