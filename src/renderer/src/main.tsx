import '@mantine/core/styles.css'
import '@mantine/charts/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/spotlight/styles.css'
import 'prosemirror-view/style/prosemirror.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { electronBridge, waitForRepoPort } from './platform/electronBridge'

// Listen for the repo port before anything else runs, so a port sent early is not missed.
if (electronBridge()) void waitForRepoPort().catch(() => undefined)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
