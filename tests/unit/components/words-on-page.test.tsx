import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WordsOnPage } from '../../../components/WordsOnPage';
import type { GlossaryTerm } from '../../../core/glossary/types';
import { createI18n } from '../../../hooks/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

const term = (id: string, word: string) =>
  ({ id, term: word, definition: `Ce que veut dire ${word}.` }) as GlossaryTerm;

describe('WordsOnPage', () => {
  it('names each reader after its word: no list of identical « Écouter »', () => {
    vi.stubGlobal('SpeechSynthesisUtterance', class {});
    vi.stubGlobal('speechSynthesis', { getVoices: () => [], cancel: vi.fn(), speak: vi.fn() });
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const terms = [term('caf', 'Caf'), term('rsa', 'RSA'), term('alloc', 'allocataire')];
    act(() =>
      root.render(
        <I18nextProvider i18n={createI18n('fr')}>
          <WordsOnPage terms={terms} />
        </I18nextProvider>,
      ),
    );
    const names = [...host.querySelectorAll('button')].map((b) => b.textContent);
    expect(names).toEqual(['Écouter « Caf »', 'Écouter « RSA »', 'Écouter « allocataire »']);
    act(() => root.unmount());
  });
});
