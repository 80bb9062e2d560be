import type { ApiTransport } from '@shared/api/ApiClient'
import { repoPortMessageType, repoPortRequestMessageType, type PreloadBridge } from '@shared/api/wire'

declare global {
  interface Window {
    /** Present only in the Electron shell, exposed by the preload. */
    staffroom?: PreloadBridge
  }
}

export function electronBridge(): PreloadBridge | undefined {
  return typeof window !== 'undefined' ? window.staffroom : undefined
}

export function createElectronTransport(bridge: PreloadBridge): ApiTransport {
  return {
    invoke: (method, args) => bridge.invoke(method, args),
    on: (listener) => bridge.on(listener),
  }
}

let portPromise: Promise<MessagePort> | undefined

/**
 * Resolves with the MessagePort the preload hands over for the renderer's Repo. Listening starts on
 * the first call (main.tsx calls it before React renders); we also ask for the port, in case the
 * preload waits for the page to be ready.
 */
export function waitForRepoPort(timeoutMs = 15_000): Promise<MessagePort> {
  portPromise ??= new Promise<MessagePort>((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage)
      reject(new Error('The app window did not receive its connection to the Staffroom core. Restart Staffroom.'))
    }, timeoutMs)
    function onMessage(event: MessageEvent) {
      if (event.source !== window) return
      const data = event.data as { type?: unknown } | null
      const port = event.ports[0]
      if (data?.type !== repoPortMessageType || !port) return
      clearTimeout(timer)
      window.removeEventListener('message', onMessage)
      resolve(port)
    }
    window.addEventListener('message', onMessage)
    window.postMessage({ type: repoPortRequestMessageType }, window.location.origin === 'null' ? '*' : window.location.origin)
  })
  return portPromise
}
