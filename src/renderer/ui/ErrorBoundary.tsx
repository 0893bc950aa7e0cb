import { Component, type ReactNode } from 'react';

interface Props {
  /** What failed, in the user's words, e.g. "This note could not be opened". */
  what: string;
  children: ReactNode;
}

/** Keeps one broken panel from taking the whole window down. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="panel-error" role="alert">
          {this.props.what}: {this.state.error.message}
        </div>
      );
    }
    return this.props.children;
  }
}
