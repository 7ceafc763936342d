/**
 * The person's journey in the side panel: the button she needs now, the aidant's mark after
 * the step, help for this step when stuck, her aidant's number, and « Terminer pour cette
 * personne » on a shared computer. Against the real background on fake-indexeddb.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PanelApp } from '../../../components/PanelApp';
import { CONTACT_KEY } from '../../../core/progress/contact';
import { bundledGuides, cafGuide, realBackground } from './helpers';

const guide = cafGuide();
const TAB = 5;
const at = (id: string) => guide.steps.findIndex((s) => s.id === id);

beforeEach(() => {
  fakeBrowser.reset();
  window.history.replaceState(null, '', `/sidepanel.html?tabId=${TAB}`);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function click(el: HTMLElement) {
  await act(async () => {
    fireEvent.click(el);
  });
}

// The background's local storage is the one the panel's hooks use, as in the extension.
const browserLocal = {
  get: async (k: string) => (await fakeBrowser.storage.local.get(k))[k],
  set: (k: string, v: unknown) => fakeBrowser.storage.local.set({ [k]: v }),
  remove: (k: string) => fakeBrowser.storage.local.remove(k),
};

async function startAt(mode: 'alone' | 'aidant', stepId: string) {
  const bg = realBackground({ local: browserLocal, openTabs: async () => [TAB, TAB + 1] });
  await bg.handlers['page:seen']({ href: 'https://www.caf.fr/' }, { tabId: TAB });
  await bg.handlers['guide:start'](
    { tabId: TAB, guideId: guide.id, mode, stepIndex: at(stepId) },
    {},
  );
  render(<PanelApp data={{ guides: bundledGuides(), glossary: [] }} send={bg.send} />);
  await waitFor(() => expect(screen.getByTestId('step-title').textContent).toBeTruthy());
  return bg;
}

const moved = (bg: ReturnType<typeof realBackground>, from: number, to: number, finished = false) =>
  act(async () => {
    await bg.handlers['step:moved']({ guideId: guide.id, from, to, finished }, { tabId: TAB });
  });

describe('the button the person needs now', () => {
  it('is not « Étape suivante » while the page moves the guide on by itself', async () => {
    await startAt('alone', 'ouvrir-mes-ressources');
    expect(guide.steps[at('ouvrir-mes-ressources')]!.done).toBeTruthy();
    const next = screen.getByTestId('next');
    expect(next.className).toContain('btn-secondary');
    expect(next.textContent).toBe('Passer à l’étape suivante');
    expect(screen.getByTestId('auto-hint').textContent).toContain('passe tout seul');
    expect(screen.getByTestId('step-view').querySelectorAll('.btn-primary')).toHaveLength(0);
  });

  it('is « Étape suivante » on a step the page cannot see done', async () => {
    await startAt('alone', 'numero');
    expect(guide.steps[at('numero')]!.done).toBeUndefined();
    const next = screen.getByTestId('next');
    expect(next.className).toContain('btn-primary');
    expect(next.textContent).toBe('Étape suivante');
    expect(screen.queryByTestId('auto-hint')).toBeNull();
  });

  it('keeps the aidant switch in the aidant part, under the step, for a person alone', async () => {
    await startAt('alone', 'ouvrir-mes-ressources');
    const part = screen.getByTestId('aidant-part');
    const toggle = within(part).getByTestId('aidant-toggle');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    // After the step's own content and actions, not above them.
    const order = toggle.compareDocumentPosition(screen.getByTestId('step-title'));
    expect(order & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(screen.queryByTestId('aidant-tools')).toBeNull();
  });
});

describe('the aidant marks a step after it is done', () => {
  it('asks about the last step done on the end screen, after the guide finished by itself', async () => {
    const bg = await startAt('aidant', 'verifier-ressources');
    const last = guide.steps.length - 1;
    // On « vérifier », the question is about the step before it.
    expect(screen.getByTestId('how').getAttribute('data-step-id')).toBe('profil-change');
    await click(screen.getByTestId('how-alone'));
    await moved(bg, at('verifier-ressources'), at('valider'));
    await waitFor(() =>
      expect(screen.getByTestId('how').getAttribute('data-step-id')).toBe('verifier-ressources'),
    );
    // The mark given for the step before is not carried to this one.
    expect((screen.getByTestId('how-alone') as HTMLInputElement).checked).toBe(false);
    await click(screen.getByTestId('how-aidant'));
    // « Valider » done: the page shows the confirmation, the last step, and the guide ends.
    await moved(bg, at('valider'), last, true);
    await screen.findByTestId('guide-finished');
    await waitFor(() =>
      expect(screen.getByTestId('how').getAttribute('data-step-id')).toBe('valider'),
    );
    expect((screen.getByTestId('how-help') as HTMLInputElement).checked).toBe(false);
    await click(screen.getByTestId('how-help'));
    await waitFor(async () => {
      const events = await bg.db.stepEvents.toArray();
      expect(events.map((e) => [e.stepId, e.how]).sort()).toEqual([
        ['profil-change', 'alone'],
        ['valider', 'help'],
        ['verifier-ressources', 'aidant'],
      ]);
    });
    expect((screen.getByTestId('how-help') as HTMLInputElement).checked).toBe(true);
    expect(within(screen.getByTestId('how')).getAllByRole('radio', { checked: true })).toHaveLength(
      1,
    );
  });
});

describe('« Je suis bloqué(e) »', () => {
  it('offers the site’s own password page on the password step', async () => {
    await startAt('alone', 'mot-de-passe');
    await click(screen.getByTestId('stuck'));
    const help = screen.getByTestId('stuck-help');
    const choices = within(help)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(choices.slice(0, 2)).toEqual([
      'J’ai oublié mon mot de passe',
      'La page n’est pas pareille',
    ]);
    await click(screen.getByTestId('stuck-password'));
    const link = screen.getByTestId('password-recovery') as HTMLAnchorElement;
    expect(link.href).toMatch(
      /^https:\/\/connect\.caf\.fr\/connexionappli\/dist\/#\/aideConnexion/,
    );
    expect(link.target).toBe('_blank');
  });

  it('offers help with the code on the code step, and no password help there', async () => {
    await startAt('alone', 'code');
    await click(screen.getByTestId('stuck'));
    expect(screen.queryByTestId('stuck-password')).toBeNull();
    await click(screen.getByTestId('stuck-code'));
    expect(screen.getByTestId('stuck-code-answer').textContent).toContain('nouveau code');
  });

  it('notes a page that looks different for the aidant, once, on this computer', async () => {
    const bg = await startAt('alone', 'ouvrir-mes-ressources');
    await click(screen.getByTestId('stuck'));
    expect(screen.queryByTestId('stuck-password')).toBeNull();
    expect(screen.queryByTestId('stuck-code')).toBeNull();
    await click(screen.getByTestId('stuck-drift'));
    await screen.findByTestId('drift-noted');
    await click(screen.getByTestId('stuck-drift'));
    await click(screen.getByTestId('stuck-drift'));
    const notes = await bg.db.notes.toArray();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ stepId: 'ouvrir-mes-ressources', guideId: guide.id });
    expect(notes[0]!.text).toBe('La page n’était pas comme prévu à cette étape.');
  });

  it('shows the help numbers to dial on a computer, and says what a call costs', async () => {
    await startAt('alone', 'ouvrir-mes-ressources');
    await click(screen.getByTestId('stuck'));
    const help = screen.getByTestId('help');
    expect(help.querySelector('a[href^="tel:"]')).toBeNull();
    expect(help.textContent).toContain('Téléphone : 3230');
    expect(help.textContent).toContain('Service gratuit + prix d’un appel normal.');
    expect(help.textContent).not.toContain('Appel gratuit');
    expect(help.textContent).toContain('France services');
  });

  it('makes the numbers callable on a touch screen', async () => {
    vi.stubGlobal('matchMedia', (q: string) => ({
      matches: q === '(pointer: coarse)',
      addEventListener() {},
      removeEventListener() {},
    }));
    await startAt('alone', 'ouvrir-mes-ressources');
    await click(screen.getByTestId('stuck'));
    const call = within(screen.getByTestId('help')).getByRole('link', { name: /3230/ });
    expect(call.getAttribute('href')).toBe('tel:3230');
  });

  it('offers « Appeler mon aidant » once the person saved their number, not before', async () => {
    await startAt('alone', 'ouvrir-mes-ressources');
    await click(screen.getByTestId('stuck'));
    expect(screen.queryByTestId('call-aidant')).toBeNull();

    await click(screen.getByTestId('open-settings'));
    fireEvent.change(screen.getByTestId('aidant-contact-name'), { target: { value: 'Samia' } });
    fireEvent.change(screen.getByTestId('aidant-contact-phone'), {
      target: { value: '06 12 34 56 78' },
    });
    await click(screen.getByTestId('aidant-contact-save'));
    await screen.findByTestId('aidant-contact-saved');
    // Kept in the extension's own storage, as a contact (not a note).
    expect(await fakeBrowser.storage.local.get(CONTACT_KEY)).toEqual({
      [CONTACT_KEY]: { name: 'Samia', phone: '06 12 34 56 78' },
    });
    const call = await screen.findByTestId('call-aidant');
    expect(call.textContent).toContain('06 12 34 56 78');
    expect(screen.getByTestId('stuck-help').textContent).toContain('Samia');

    // Deleted from the settings: gone from the help too.
    await click(screen.getByTestId('aidant-contact-delete'));
    await waitFor(() => expect(screen.queryByTestId('call-aidant')).toBeNull());
    expect(await fakeBrowser.storage.local.get(CONTACT_KEY)).toEqual({});
  });

  it('refuses a number that is not one, and keeps what was typed', async () => {
    await startAt('alone', 'ouvrir-mes-ressources');
    await click(screen.getByTestId('open-settings'));
    fireEvent.change(screen.getByTestId('aidant-contact-name'), { target: { value: 'Samia' } });
    fireEvent.change(screen.getByTestId('aidant-contact-phone'), { target: { value: 'demain' } });
    await click(screen.getByTestId('aidant-contact-save'));
    expect(screen.getByTestId('aidant-contact-error').textContent).toContain('numéro');
    expect((screen.getByTestId('aidant-contact-name') as HTMLInputElement).value).toBe('Samia');
    expect(await fakeBrowser.storage.local.get(CONTACT_KEY)).toEqual({});
  });
});

describe('« Terminer pour cette personne »', () => {
  it('hands over the memo or a file, then leaves nothing of her in any store', async () => {
    const bg = await startAt('aidant', 'valider');
    await fakeBrowser.storage.local.set({ [CONTACT_KEY]: { name: 'Samia', phone: '0612345678' } });
    fireEvent.change(screen.getByTestId('note-input'), { target: { value: 'Carnet bleu' } });
    await click(screen.getByTestId('note-save'));
    await waitFor(async () => expect(await bg.db.notes.count()).toBe(1));

    await click(screen.getByTestId('finish-person'));
    const box = screen.getByTestId('finish-box');
    expect((within(box).getByTestId('finish-memo') as HTMLAnchorElement).getAttribute('href')).toBe(
      `/memo.html?guide=${guide.id}`,
    );
    // The file button downloads the export (the real download is tried in e2e).
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await click(within(box).getByTestId('finish-file'));
    await screen.findByTestId('finish-file-done');

    await click(within(box).getByTestId('finish-erase'));
    await screen.findByTestId('finish-done');
    // Back to the site's guides, with nothing to resume.
    await screen.findByTestId(`guide-${guide.id}`);
    expect(screen.queryByTestId('resume-card')).toBeNull();
    expect(await bg.db.sessions.count()).toBe(0);
    expect(await bg.db.stepEvents.count()).toBe(0);
    expect(await bg.db.notes.count()).toBe(0);
    const tab = await bg.handlers['tab:get']({ tabId: TAB }, {});
    expect((tab as { active: unknown }).active).toBeNull();
    expect(await fakeBrowser.storage.local.get(CONTACT_KEY)).toEqual({});
  });
});
