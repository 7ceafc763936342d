import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkGuideText } from '../../../components/AuthoringApp';
import { SettingsView } from '../../../components/SettingsView';
import { DEFAULT_SETTINGS } from '../../../core/messaging/responses';
import { createI18n } from '../../../hooks/i18n';

afterEach(cleanup);

function settings(authoring?: boolean) {
  const onChange = vi.fn();
  const value = authoring === undefined ? DEFAULT_SETTINGS : { ...DEFAULT_SETTINGS, authoring };
  render(
    <I18nextProvider i18n={createI18n('fr')}>
      <SettingsView settings={value} onChange={onChange} />
    </I18nextProvider>,
  );
  return onChange;
}

describe('« Je rédige des guides »', () => {
  it('is off by default, without a way to the authoring page', () => {
    const onChange = settings();
    const box = screen.getByTestId<HTMLInputElement>('setting-authoring');
    expect(box.checked).toBe(false);
    expect(screen.getByLabelText('Je rédige des guides')).toBe(box);
    expect(screen.queryByTestId('authoring-link')).toBeNull();
    act(() => fireEvent.click(box));
    expect(onChange).toHaveBeenCalledWith({ authoring: true });
  });

  it('once on, leads to the authoring page', () => {
    settings(true);
    expect(screen.getByTestId<HTMLInputElement>('setting-authoring').checked).toBe(true);
    expect(screen.getByTestId('authoring-link').getAttribute('href')).toBe('/authoring.html');
  });
});

describe('checkGuideText', () => {
  it('reports problems at their line and column, as guides:check does', () => {
    const { guide, diagnostics } = checkGuideText('id: essai\nsite: caf\ntitle: Essai\nsteps: 3\n');
    expect(guide).toBeNull();
    expect(diagnostics.map((d) => `${d.line}:${d.col}`)).toContain('4:8');
    expect(diagnostics.every((d) => d.file === 'caf/essai.yaml')).toBe(true);
  });
});
