import { isRecord } from './jsonFile'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

/** What window-state.json holds: the normal (un-maximized) bounds and how the window was shown. */
export interface SavedWindowState {
  bounds: Rectangle
  maximized: boolean
  fullScreen: boolean
}

export interface WindowSizes {
  width: number
  height: number
  minWidth: number
  minHeight: number
}

/** Far beyond any real desktop (16K across several monitors); bigger numbers mean a damaged or hostile file. */
const maxCoordinate = 100_000
const maxSize = 50_000
/** Saved bounds are used only if at least this share of the window lies on one display's work area. */
const visibleShare = 0.5

function coordinate(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= maxCoordinate ? Math.round(value) : undefined
}

function size(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= maxSize ? Math.round(value) : undefined
}

/** The saved state, or why it cannot be used. Every field is checked: the file is outside our control. */
export function parseWindowState(value: unknown): { ok: true; state: SavedWindowState } | { ok: false; reason: string } {
  if (!isRecord(value) || !isRecord(value.bounds)) return { ok: false, reason: 'it has no bounds' }
  const { bounds } = value
  const x = coordinate(bounds.x)
  const y = coordinate(bounds.y)
  const width = size(bounds.width)
  const height = size(bounds.height)
  if (x === undefined || y === undefined || width === undefined || height === undefined) return { ok: false, reason: 'its bounds are not sensible numbers' }
  if (typeof value.maximized !== 'boolean' || typeof value.fullScreen !== 'boolean') return { ok: false, reason: 'its maximized or full-screen flag is not true or false' }
  return { ok: true, state: { bounds: { x, y, width, height }, maximized: value.maximized, fullScreen: value.fullScreen } }
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

/** True when most of `bounds` is on one work area (a window split across two screens counts by its larger part). */
export function mostlyVisible(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  const area = bounds.width * bounds.height
  return workAreas.some((workArea) => overlap(bounds, workArea) >= area * visibleShare)
}

/** The default size (never larger than the screen, never below the minimum), centred on the primary work area. */
export function centredDefault(sizes: WindowSizes, primary: Rectangle): Rectangle {
  const width = Math.max(sizes.minWidth, Math.min(sizes.width, primary.width))
  const height = Math.max(sizes.minHeight, Math.min(sizes.height, primary.height))
  return {
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
    width,
    height,
  }
}

/** Where to open the window: the saved bounds if they are still on a screen, else the centred default. */
export function chooseBounds(saved: SavedWindowState | undefined, sizes: WindowSizes, workAreas: readonly Rectangle[], primary: Rectangle): Rectangle {
  if (!saved) return centredDefault(sizes, primary)
  const bounds = { ...saved.bounds, width: Math.max(saved.bounds.width, sizes.minWidth), height: Math.max(saved.bounds.height, sizes.minHeight) }
  return mostlyVisible(bounds, workAreas) ? bounds : centredDefault(sizes, primary)
}
