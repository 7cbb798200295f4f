import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { station } from '../api'

type Props = {
  /** The screen's name, for the station's log. */
  screen: string
  /** Leaves the broken screen ("Back to orders"). */
  onLeave: () => void
  children: ReactNode
}
type State = { error: Error | null }

/**
 * One per screen: a screen that throws while drawing shows a plain message
 * instead of a white window, and the error goes to the station's log (the
 * main process) through app:reportRendererError. React catches render errors
 * only in a class component's getDerivedStateFromError/componentDidCatch.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    const stack = `${error.stack ?? ''}\n${info.componentStack ?? ''}`.slice(0, 20_000)
    station.app
      .reportRendererError({ screen: this.props.screen, message: String(error.message).slice(0, 2000), stack })
      .catch(() => undefined)
  }

  private leave = () => {
    this.setState({ error: null })
    this.props.onLeave()
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return <ScreenError error={error} onRetry={() => this.setState({ error: null })} onLeave={this.leave} />
  }
}

/** What a broken screen shows (a function component, so it speaks the screen's language through the hook). */
function ScreenError({ error, onRetry, onLeave }: { error: Error; onRetry: () => void; onLeave: () => void }) {
  const { t } = useTranslation('recovery')
  return (
    <Stack maw={700} role="alert" aria-label={t('screenError.label')}>
      <Alert color="red" title={t('screenError.title')}>
        <Text>{t('screenError.body')}</Text>
        <Text size="sm" c="dimmed" mt="xs" className="mono">
          {error.message}
        </Text>
      </Alert>
      <Group>
        <Button onClick={onRetry}>{t('screenError.retry')}</Button>
        <Button variant="light" onClick={onLeave}>
          {t('screenError.back')}
        </Button>
      </Group>
    </Stack>
  )
}
