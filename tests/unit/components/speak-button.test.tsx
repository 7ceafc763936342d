import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpeakButton } from '../../../components/SpeakButton';
import { createI18n } from '../../../hooks/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(text: string) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() =>
    root.render(
      <I18nextProvider i18n={createI18n('fr')}>
        <SpeakButton text={text} />
      </I18nextProvider>,
    ),
  );
  return { host, unmount: () => act(() => root.unmount()) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('SpeakButton', () => {
  it('is not shown when the browser cannot speak', () => {
    vi.stubGlobal('speechSynthesis', undefined);
    const { host } = render('Bonjour');
    expect(host.querySelector('button')).toBeNull();
  });

  it('reads the text with a French voice, without its formatting marks', () => {
    const spoken: SpeechSynthesisUtterance[] = [];
    const voices = [
      { lang: 'en-GB', name: 'English' },
      { lang: 'fr-FR', name: 'Français' },
    ];
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        lang = '';
        voice: unknown = null;
        rate = 1;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(public text: string) {}
      },
    );
    vi.stubGlobal('speechSynthesis', {
      getVoices: () => voices,
      cancel: vi.fn(),
      speak: (u: SpeechSynthesisUtterance) => spoken.push(u),
    });
    const { host } = render('Cliquez sur **Valider**.');
    const button = host.querySelector('button')!;
    expect(button.textContent).toContain('Écouter');
    act(() => button.click());
    expect(spoken).toHaveLength(1);
    expect(spoken[0]!.text).toBe('Cliquez sur Valider.');
    expect(spoken[0]!.lang).toBe('fr-FR');
    expect((spoken[0]!.voice as { name: string }).name).toBe('Français');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.textContent).toContain('Arrêter la lecture');
  });
});
