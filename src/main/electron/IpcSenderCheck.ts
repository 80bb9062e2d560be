import type { AppOrigin } from './AppOrigin'
import type { IpcInvokeEventLike } from './ports'

/**
 * Every IPC message is checked before it reaches the core: it must come from the top frame of
 * one of our windows, showing the app's own URL. A frame that navigated elsewhere, an iframe or
 * another web contents gets nothing.
 */
export class IpcSenderCheck {
  private readonly trustedContents = new Set<number>()

  constructor(private readonly appOrigin: AppOrigin) {}

  trust(webContentsId: number): void {
    this.trustedContents.add(webContentsId)
  }

  forget(webContentsId: number): void {
    this.trustedContents.delete(webContentsId)
  }

  /** Why the sender is refused, or undefined if it may talk to the core. */
  refusal(event: IpcInvokeEventLike): string | undefined {
    if (!this.trustedContents.has(event.sender.id)) return 'IPC from a web contents that is not a Staffroom window'
    const frame = event.senderFrame
    if (!frame) return 'IPC from a frame that no longer exists'
    if (frame.parent) return 'IPC from a subframe'
    if (!this.appOrigin.isOwnUrl(frame.url)) return `IPC from a page that is not the app (${frame.url.slice(0, 200)})`
    return undefined
  }
}
