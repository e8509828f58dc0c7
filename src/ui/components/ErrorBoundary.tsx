// An unexpected error on a page shows a calm message with a way back, instead of a blank screen.
// The answers live in the wizard's machine, outside the page, so they stay intact. Nothing is sent anywhere.
import { Component, type ReactNode } from 'react';

interface Props {
  /** What the user can do instead (e.g. back to the last good step); gets the message's heading level right. */
  fallback: (reset: () => void, error: unknown) => ReactNode;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { failed: boolean; error: unknown }> {
  override state: { failed: boolean; error: unknown } = { failed: false, error: null };

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, error };
  }

  override render() {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false, error: null }), this.state.error) : this.props.children;
  }
}
