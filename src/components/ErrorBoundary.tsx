import { Component, type ReactNode } from 'react'
import { FullScreenMessage } from './FullScreenMessage'

interface Props {
  children: ReactNode
}

/** Catches a render error in a page and offers to draw it again instead of a blank screen. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  static getDerivedStateFromError() {
    return { failed: true }
  }

  state = { failed: false }

  render() {
    if (this.state.failed) {
      return <FullScreenMessage testId='render-error' title='页面出了点问题' detail='请点重试；若仍有问题，请稍后再来。' actionText='重试' onAction={() => this.setState({ failed: false })} />
    }
    return this.props.children
  }
}
