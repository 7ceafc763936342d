import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpeakButton } from '../../../components/SpeakButton';
import { createI18n } from '../../../hooks/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(text: string, lang: 'fr' | 'en' | 'ar' = 'fr') {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() =>
    root.render(
      <I18nextProvider i18n={createI18n(lang)}>
        <SpeakButton text={text} />
      </I18nextProvider>,
    ),
  );
  return { host, unmount: () => act(() => root.unmount()) };
}

/** A speech engine with these voices; what it is asked to say is gathered. */
function fakeSpeech(voices: { lang: string; name: string }[]) {
  const spoken: SpeechSynthesisUtterance[] = [];
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
  return spoken;
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
    const spoken = fakeSpeech([
      { lang: 'en-GB', name: 'English' },
      { lang: 'fr-FR', name: 'Français' },
    ]);
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

describe('SpeakButton in the person’s language', () => {
  it('takes the Arabic voice for Arabic, any region, and reads the Arabic quote marks', () => {
    const spoken = fakeSpeech([
      { lang: 'fr-FR', name: 'Français' },
      { lang: 'ar_EG', name: 'عربي' },
      { lang: 'en-US', name: 'English' },
    ]);
    const { host } = render('انقر على « Valider ».', 'ar');
    act(() => host.querySelector('button')!.click());
    expect(spoken).toHaveLength(1);
    expect((spoken[0]!.voice as { name: string }).name).toBe('عربي');
    expect(spoken[0]!.lang).toBe('ar_EG');
    expect(spoken[0]!.text).toBe('انقر على «Valider».');
  });

  it('prefers the usual region, then takes another one of the language', () => {
    const spoken = fakeSpeech([
      { lang: 'en-US', name: 'US' },
      { lang: 'en-GB', name: 'UK' },
    ]);
    const { host } = render('Click « Valider ».', 'en');
    act(() => host.querySelector('button')!.click());
    expect((spoken[0]!.voice as { name: string }).name).toBe('UK');
    expect(spoken[0]!.text).toBe('Click “Valider”.');
  });

  it('says there is no voice for the language instead of reading with another one', () => {
    const spoken = fakeSpeech([{ lang: 'fr-FR', name: 'Français' }]);
    const { host } = render('مرحبا', 'ar');
    const button = host.querySelector('button')!;
    act(() => button.click());
    expect(spoken).toHaveLength(0);
    expect(button.textContent).toContain('لا يوجد على هذا الجهاز صوت للقراءة باللغة العربية');
    expect(host.querySelector('[role="status"]')!.textContent).toContain('العربية');
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });

  it('says so in French when the device has no voice at all', () => {
    fakeSpeech([]);
    const { host } = render('Bonjour', 'fr');
    const button = host.querySelector('button')!;
    act(() => button.click());
    expect(button.textContent).toContain('Cet appareil n’a pas de voix pour lire en français.');
  });
});
