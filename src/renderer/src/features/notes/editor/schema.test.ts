import { Repo } from '@automerge/automerge-repo'
import { describe, expect, it } from 'vitest'

describe('smoke', () => {
  it('loads automerge', () => {
    const repo = new Repo({ network: [] })
    const handle = repo.create({ body: 'hi' })
    expect(handle.doc().body).toBe('hi')
  })
})
