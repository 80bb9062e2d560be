import type { MenuCommand } from '@shared/api/events'
import { useEffect, useRef } from 'react'
import { useApi } from '../platform/PlatformContext'

/**
 * Runs the handler for each 'menu.command' the Electron app menu sends. Handlers are read at
 * event time, so they always see the current route without resubscribing.
 */
export function useMenuCommands(handlers: Record<MenuCommand, () => void>): void {
  const api = useApi()
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => api.on('menu.command', ({ command }) => latest.current[command]?.()), [api])
}
