// The sandboxed preload (CommonJS): window.staffroom = typed invoke/on, and the repo MessagePort.
import { contextBridge, ipcRenderer } from 'electron'
import { ipcChannels } from '@shared/api/wire'
import { createPreloadBridge } from './createPreloadBridge'
import { RepoPortHandoff, type PageWindow } from './RepoPortHandoff'

contextBridge.exposeInMainWorld('staffroom', createPreloadBridge(ipcRenderer))

const handoff = new RepoPortHandoff(globalThis as unknown as PageWindow)
ipcRenderer.on(ipcChannels.repoPort, (event) => handoff.receivePort(event.ports[0]))
