import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Snippet } from './Snippet'

describe('Snippet', () => {
  it('shows markup from a note as inert text and marks only the matches', () => {
    const { container } = render(
      <p>
        <Snippet
          parts={[
            { text: '<script>window.hacked = true</script> before ', match: false },
            { text: '<b>term</b>', match: true },
            { text: ' after', match: false },
          ]}
        />
      </p>,
    )
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('b')).toBeNull()
    expect((window as { hacked?: boolean }).hacked).toBeUndefined()
    expect(container.textContent).toBe('<script>window.hacked = true</script> before <b>term</b> after')
    const marks = container.querySelectorAll('mark')
    expect(marks).toHaveLength(1)
    expect(marks[0]!.textContent).toBe('<b>term</b>')
  })
})
