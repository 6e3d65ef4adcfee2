import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';

interface State {
  failed: boolean;
}

/**
 * The last line of defence: a screen that failed to render shows a calm message and a
 * reload button instead of a blank page. SECURITY: the error is not shown or logged, as it
 * may hold record content. Data is safe: everything saved is already sealed in IndexedDB.
 */
export class ErrorBoundary extends Component<
  { children: ReactNode; message: string; reload: string },
  State
> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Deliberately silent: see the class comment.
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="screen crash">
        <p role="alert">{this.props.message}</p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {this.props.reload}
        </button>
      </main>
    );
  }
}
