import type { SafeBlock } from '@shared/feeds/safeBlocks'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { hostileBlocks } from '../../test/feedFixtures'
import { renderWithProviders, TestProviders } from '../../test/render'
import { SafeBlocksView } from './SafeBlocksView'

afterEach(() => vi.restoreAllMocks())

describe('SafeBlocksView', { timeout: 15_000 }, () => {
  it('shows markup from a feed as text and never makes a script element', () => {
    const { container } = renderWithProviders(<SafeBlocksView blocks={hostileBlocks} imagesAllowed={false} />)
    expect(screen.getByText(/<script>window.__pwned = true<\/script>Retrieval practice works\./)).toBeTruthy()
    expect(container.querySelector('script')).toBeNull()
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined()
  })

  it('makes only http(s) links clickable, and opens them through the app’s external-link rule', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    renderWithProviders(<SafeBlocksView blocks={hostileBlocks} imagesAllowed={false} />)
    const study = screen.getByRole('link', { name: 'the study' })
    expect(study.getAttribute('href')).toBe('https://example.org/study')
    expect(study.getAttribute('rel')).toBe('noopener noreferrer')
    expect(screen.queryByRole('link', { name: 'this trick' })).toBeNull()
    expect(screen.getByText('this trick').closest('a')).toBeNull()
    await userEvent.click(study)
    expect(open).toHaveBeenCalledWith('https://example.org/study', '_blank', 'noopener,noreferrer')
  })

  it('shows an image’s description, not the image, until images are allowed', () => {
    const { container, rerender } = renderWithProviders(<SafeBlocksView blocks={hostileBlocks} imagesAllowed={false} />)
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByText('Image: A chart of test scores')).toBeTruthy()
    rerender(
      <TestProviders>
        <SafeBlocksView blocks={hostileBlocks} imagesAllowed />
      </TestProviders>,
    )
    const image = container.querySelector('img')
    expect(image?.getAttribute('src')).toBe('https://images.example.org/chart.png')
    expect(image?.getAttribute('referrerpolicy')).toBe('no-referrer')
    expect(image?.getAttribute('alt')).toBe('A chart of test scores')
  })

  it('does not load an http image even when allowed, and says why', () => {
    const blocks: SafeBlock[] = [{ type: 'image', alt: '', src: 'http://old.example.org/photo.jpg' }]
    const { container } = renderWithProviders(<SafeBlocksView blocks={blocks} imagesAllowed />)
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByText('Image (no description)')).toBeTruthy()
    expect(screen.getByText(/not secure/)).toBeTruthy()
  })

  it('renders headings below the item title, lists, quotes and code', () => {
    const blocks: SafeBlock[] = [
      { type: 'heading', level: 1, inlines: [{ type: 'text', text: 'Method' }] },
      { type: 'listItem', inlines: [{ type: 'text', text: 'Quiz weekly' }] },
      { type: 'listItem', inlines: [{ type: 'text', text: 'Space it out' }] },
      { type: 'quote', inlines: [{ type: 'text', text: 'Memory is the residue of thought.' }] },
      { type: 'code', text: '<b>not bold</b>' },
    ]
    const { container } = renderWithProviders(<SafeBlocksView blocks={blocks} imagesAllowed={false} />)
    expect(screen.getByRole('heading', { name: 'Method', level: 3 })).toBeTruthy()
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Quiz weekly', 'Space it out'])
    expect(container.querySelectorAll('ul')).toHaveLength(1)
    expect(container.querySelector('blockquote')?.textContent).toBe('Memory is the residue of thought.')
    expect(container.querySelector('pre code')?.textContent).toBe('<b>not bold</b>')
    expect(container.querySelector('b')).toBeNull()
  })
})
