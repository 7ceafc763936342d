// @vitest-environment happy-dom
// The everyday web words: a setting of their own, off by default, with the glossary.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsView } from '../../../components/SettingsView';
import { createI18n } from '../../../hooks/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/messaging/responses';
import fr from '../../../locales/fr/panel.json';

afterEach(cleanup);

function show(settings: Settings) {
  const onChange = vi.fn<(change: Partial<Settings>) => void>();
  render(
    <I18nextProvider i18n={createI18n('fr')}>
      <SettingsView settings={settings} onChange={onChange} />
    </I18nextProvider>,
  );
  return { onChange, box: screen.getByLabelText<HTMLInputElement>(fr.settingsEverydayWords) };
}

describe('everyday web words setting', () => {
  it('is off by default and switches on', () => {
    const { onChange, box } = show(DEFAULT_SETTINGS);
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith({ everydayWords: true });
  });

  it('reads as off for settings saved before it existed, and waits for the glossary', () => {
    const { everydayWords: _, ...old } = DEFAULT_SETTINGS;
    expect(show(old).box.checked).toBe(false);
    cleanup();
    expect(show({ ...DEFAULT_SETTINGS, glossary: false }).box.disabled).toBe(true);
  });
});
