import { RepoContext } from '@automerge/react'
import type { ApiClient } from '@shared/api/ApiClient'
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import type { Platform } from './connect'
import type { ConnectionStatus } from './rpcSocket'

const PlatformContext = createContext<Platform | null>(null)

export function PlatformProvider({ platform, children }: { platform: Platform; children: ReactNode }) {
  return (
    <PlatformContext.Provider value={platform}>
      <RepoContext.Provider value={platform.repo}>{children}</RepoContext.Provider>
    </PlatformContext.Provider>
  )
}

export function usePlatform(): Platform {
  const platform = useContext(PlatformContext)
  if (!platform) throw new Error('usePlatform must be used inside <PlatformProvider>')
  return platform
}

export function useApi(): ApiClient {
  return usePlatform().api
}

export function useConnectionStatus(): ConnectionStatus {
  const { connection } = usePlatform()
  const [status, setStatus] = useState(connection.status())
  useEffect(() => {
    setStatus(connection.status())
    return connection.onStatus(setStatus)
  }, [connection])
  return status
}
