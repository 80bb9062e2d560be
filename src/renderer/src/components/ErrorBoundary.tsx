import { Alert, Button, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { Component, type ErrorInfo, type ReactNode } from 'react'

export interface ErrorBoundaryProps {
  /** Names the part of the screen in the message, e.g. "the note editor". */
  area: string
  /** When this changes (e.g. another note is opened), the boundary tries again by itself. */
  resetKey?: unknown
  children: ReactNode
}

interface ErrorBoundaryState {
  error: Error | null
  resetKey: unknown
}

/** Keeps one failing panel from taking the whole window down, and offers to try again. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey }
    return null
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Error in ${this.props.area}`, error, info.componentStack)
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <Alert role="alert" color="red" variant="light" m="md" icon={<IconAlertTriangle aria-hidden />} title={`Something went wrong in ${this.props.area}`}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{error.message || 'An unexpected error occurred.'} Your notes are safe; nothing was lost.</Text>
          <Button variant="default" onClick={() => this.setState({ error: null })}>
            Try again
          </Button>
        </Stack>
      </Alert>
    )
  }
}
