import { Component, type ReactNode } from 'react';

/** A render error shows a message and a way back instead of a blank page; unsaved work is in localStorage. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="card page" role="alert">
        <h1>页面出错 · Something went wrong</h1>
        <p>
          未保存的修改已存于本机，重新加载后会恢复。Unsaved changes are kept in this browser and restored on
          reload.
        </p>
        <pre className="muted small">{this.state.error.message}</pre>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          重新加载 · Reload
        </button>
      </div>
    );
  }
}
