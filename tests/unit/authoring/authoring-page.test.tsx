import path from 'node:path';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkGuideText } from '../../../components/AuthoringApp';
import { SettingsView } from '../../../components/SettingsView';
import { DEFAULT_SETTINGS } from '../../../core/messaging/responses';
import { loadGuides, type SourceFile } from '../../../core/guides/load';
import { createI18n } from '../../../hooks/i18n';
import { papData } from '../../../tools/guides/vite-plugin';

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

describe('checkGuideText runs the checks of guides:check too', () => {
  const guide = (second: string) => `id: essai-paiements
site: caf
title: Voir mes paiements
goal: Voir les sommes versées.
source: https://www.caf.fr/
start: https://wwwd.caf.fr/wps/myportal/caffr/moncompte/tableaudebord
steps:
  - id: ouvrir
    title: Cliquez sur « Mes paiements »
    text: Le lien est dans le menu.
    evidence: { unverified: essai }
    action: click
    target: { role: link, name: Mes paiements }
    done: { url: ["wwwd.caf.fr/wps/myportal/caffr/moncompte/mespaiementsmesdroits*"] }
${second}  - id: fin
    title: C’est fini
    text: Vous voyez vos paiements.
    evidence: { unverified: essai }
    action: read
    on: { url: ["wwwd.caf.fr/wps/myportal/caffr/moncompte/mespaiementsmesdroits*"] }
`;

  it('refuses a step the loader accepts but the step logic does not (no « done »)', () => {
    const lost = `  - id: lire
    title: Lisez le tableau
    text: Il montre vos paiements.
    evidence: { unverified: essai }
    action: click
    target: { role: link, name: Mes attestations }
`;
    expect(
      loadGuides([{ path: 'caf/essai-paiements.yaml', text: guide(lost) }]).diagnostics,
    ).toEqual([]);
    const { guide: ran, diagnostics } = checkGuideText(guide(lost));
    expect(ran).toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        line: 15,
        message: expect.stringContaining('ne sait pas quand cette étape est finie'),
      }),
    ]);
  });

  it('runs a guide with plain-language remarks, and lists them apart', () => {
    const { guide: ran, diagnostics, warnings } = checkGuideText(guide(''));
    expect(diagnostics).toEqual([]);
    expect(ran?.id).toBe('essai-paiements');
    const remarks = checkGuideText(
      guide('').replace('Cliquez sur « Mes paiements »', 'Pour une preuve, cliquez ici'),
    );
    expect(remarks.guide).not.toBeNull();
    expect(remarks.warnings.length).toBeGreaterThan(warnings.length);
  });
});

describe('checkGuideText with the bundled parts', () => {
  // The parts as the build hands them to the authoring page (virtual:pap-parts).
  async function bundledParts(): Promise<SourceFile[]> {
    const plugin = papData({ dir: path.resolve('guides') });
    const load = plugin.load as (this: unknown, id: string) => Promise<string>;
    const code = await load.call({ addWatchFile: () => undefined }, '\0virtual:pap-parts');
    return JSON.parse(code.replace(/^export default |;\n$/g, '')) as SourceFile[];
  }
  // Reading and checking the whole guides folder takes a few seconds: once for both tests.
  let parts: SourceFile[] = [];
  beforeAll(async () => {
    parts = await bundledParts();
  }, 120_000);

  const withInclude = (part: string) => `id: essai-fc
site: caf
title: Essai avec FranceConnect
goal: Essayer l’inclusion.
start: https://connect.caf.fr/connexionappli/dist/#/login
source: https://www.caf.fr/
steps:
  - id: choisir
    title: Cliquez sur « FranceConnect »
    text: Le bouton bleu.
    evidence: { unverified: essai }
    action: click
    target: { role: button, name: S’identifier avec FranceConnect }
    done: { url: ["app.franceconnect.gouv.fr/*"] }
  - include: ${part}
  - id: fin
    title: C’est fini
    text: Vous êtes connecté.
    evidence: { unverified: essai }
    action: read
    on: { url: ["wwwd.caf.fr/*"] }
`;

  it('finds an included part among the bundled ones and expands its steps', async () => {
    expect(parts.map((p) => p.path)).toContain('franceconnect/franceconnect-connexion.yaml');
    // Without the bundled parts (as before), the include could not be found.
    expect(checkGuideText(withInclude('franceconnect-connexion')).guide).toBeNull();
    const { guide, diagnostics } = checkGuideText(withInclude('franceconnect-connexion'), {
      parts,
    });
    expect(diagnostics).toEqual([]);
    const ids = guide!.steps.map((s) => s.id);
    expect(ids[0]).toBe('choisir');
    expect(ids.at(-1)).toBe('fin');
    expect(ids.some((id) => id.startsWith('franceconnect-connexion'))).toBe(true);
  });

  it('says at its line which part does not exist, and which ones do', async () => {
    const { guide, diagnostics } = checkGuideText(withInclude('france-connexion'), { parts });
    expect(guide).toBeNull();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'caf/essai-fc.yaml', line: 15 });
    expect(diagnostics[0]!.message).toContain('aucune partie ne porte cet id');
    expect(diagnostics[0]!.message).toContain('parties disponibles : franceconnect-connexion');
  });
});
