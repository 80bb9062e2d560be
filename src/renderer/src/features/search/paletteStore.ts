import { createSpotlight, type SpotlightStore } from '@mantine/spotlight'

/** The command palette's own store, so the header button and Mod-K open the same palette. */
export const [paletteStore, palette] = createSpotlight()

/**
 * Highlights the first action, as Mantine does when the query changes. Our hits arrive after a
 * debounce, so without this Enter would trigger whatever row was first before they came.
 */
export function highlightFirstAction(store: SpotlightStore) {
  const { listId, opened } = store.getState()
  const list = opened && listId ? document.getElementById(listId) : null
  if (!list) return
  list.querySelector('[data-selected]')?.removeAttribute('data-selected')
  const first = list.querySelector('[data-action]')
  first?.setAttribute('data-selected', 'true')
  first?.scrollIntoView({ block: 'nearest' })
  store.updateState((state) => ({ ...state, selected: 0 }))
}
