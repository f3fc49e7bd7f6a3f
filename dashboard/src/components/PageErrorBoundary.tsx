import { Component, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { isChunkLoadError } from '../appUpdate';

interface Props {
  children: ReactNode;
  /** the error is forgotten when this changes, so another page is drawn again */
  resetKey: string;
  reload: () => void;
}

interface State {
  failed: boolean;
  updated: boolean;
}

/**
 * Catches what a page throws, so one page's failure leaves the rest of the app on screen. A chunk that could not be
 * loaded means a newer build was deployed; anything else gets a message of its own without the error's details,
 * which React writes to the console.
 */
class ErrorBoundary extends Component<Props, State> {
  state: State = { failed: false, updated: false };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, updated: isChunkLoadError(error) };
  }

  componentDidUpdate(previous: Props): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) {
      this.setState({ failed: false, updated: false });
    }
  }

  render(): ReactNode {
    if (!this.state.failed) {
      return this.props.children;
    }
    return (
      <div role="alert" className="problem">
        {this.state.updated ? (
          <>
            <strong>The app was updated – reload</strong> to open this page in the new version.
          </>
        ) : (
          <>
            <strong>This page could not be shown.</strong> Something went wrong while drawing it; reloading may help.
          </>
        )}
        <button type="button" className="link" onClick={this.props.reload}>
          Reload
        </button>
      </div>
    );
  }
}

/** The error boundary of one route: navigating elsewhere draws the other page again. */
export function PageErrorBoundary({
  children,
  reload = () => window.location.reload(),
}: {
  children: ReactNode;
  reload?: () => void;
}) {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={location.pathname} reload={reload}>
      {children}
    </ErrorBoundary>
  );
}
