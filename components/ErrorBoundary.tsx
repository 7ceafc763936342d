import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Crashed({ onRestart }: { onRestart(): void }) {
  const { t } = useTranslation();
  return (
    <section className="panel crash" role="alert" data-testid="crash">
      <h1>{t('crashTitle')}</h1>
      <p>{t('crashText')}</p>
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary btn-big"
          onClick={onRestart}
          data-testid="crash-restart"
        >
          {t('crashRestart')}
        </button>
      </div>
    </section>
  );
}

/**
 * A render error below shows a calm message and a « Recommencer » button instead of a blank
 * page; the button draws the app again from scratch (the failed tree is already gone, so it
 * mounts anew). React 19 already reports the error to the console; nothing leaves the computer.
 * Sits inside the strings provider, so the message follows the person's language.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  private restart = () => this.setState({ failed: false });

  override render() {
    return this.state.failed ? <Crashed onRestart={this.restart} /> : this.props.children;
  }
}
