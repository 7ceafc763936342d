import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PanelApp } from '../../../components/PanelApp';
import type { Responses } from '../../../core/messaging/responses';
import { bundledGuides, cafGuide, realBackground } from './helpers';

const guide = cafGuide();
const TAB = 5;

beforeEach(() => {
  // The panel opened as a page for a given tab, as the extension does without a side panel.
  window.history.replaceState(null, '', `/sidepanel.html?tabId=${TAB}`);
});
afterEach(cleanup);

async function click(el: HTMLElement) {
  await act(async () => {
    fireEvent.click(el);
  });
}

async function onCafHome(bg: ReturnType<typeof realBackground>) {
  await bg.handlers['page:seen']({ href: 'https://www.caf.fr/' }, { tabId: TAB });
}

function renderPanel(bg: ReturnType<typeof realBackground>) {
  return render(<PanelApp data={{ guides: bundledGuides(), glossary: [] }} send={bg.send} />);
}

describe('side panel, aidant mode', () => {
  it('marks how each step was done and keeps notes, then offers to resume', async () => {
    const bg = realBackground();
    await onCafHome(bg);
    renderPanel(bg);

    await click(await screen.findByTestId(`guide-${guide.id}`));
    await click(screen.getByTestId('start-aidant'));
    await screen.findByTestId('step-view');

    // Aidant mode: the switch is on, in the aidant's part, with the tip and the tools.
    const toggle = screen.getByTestId('aidant-toggle');
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(within(screen.getByTestId('aidant-part')).getByTestId('aidant-toggle')).toBe(toggle);
    expect(screen.getByTestId('aidant-tip').textContent).toContain('Laissez la personne');
    // Nothing is done yet: no question about how a step went.
    expect(screen.queryByTestId('how')).toBeNull();

    // A note on the step appears in the list at once.
    fireEvent.change(screen.getByTestId('note-input'), {
      target: { value: 'Votre code est dans le carnet bleu' },
    });
    await click(screen.getByTestId('note-save'));
    await waitFor(() =>
      expect(screen.getByTestId('notes-list').textContent).toContain('carnet bleu'),
    );

    // The person clicks « Mon Compte » on the page: the page moves the guide on.
    await act(async () => {
      await bg.handlers['step:moved'](
        { guideId: guide.id, from: 0, to: 1, finished: false },
        { tabId: TAB },
      );
    });
    // The background's push carries the new step: the panel shows it without asking.
    await waitFor(() => expect(screen.getByTestId('step-count').textContent).toBe('Étape 2 sur 8'));

    // Now the aidant is asked about the step just done, as a single choice.
    const how = screen.getByTestId('how');
    expect(how.tagName).toBe('FIELDSET');
    expect(how.getAttribute('data-step-id')).toBe('ouvrir-mon-compte');
    expect(how.textContent).toContain(`« ${guide.steps[0]!.title} »`);
    const radios = within(how).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.checked)).toEqual([false, false, false]);
    await click(screen.getByTestId('how-help'));
    await waitFor(() =>
      expect((screen.getByTestId('how-help') as HTMLInputElement).checked).toBe(true),
    );
    expect((screen.getByTestId('how-alone') as HTMLInputElement).checked).toBe(false);
    const events = await bg.db.stepEvents.toArray();
    expect(events.map((e) => [e.stepId, e.how])).toEqual([['ouvrir-mon-compte', 'help']]);

    // Switching aidant mode off hides the tools; the background knows.
    await click(screen.getByTestId('aidant-toggle'));
    await waitFor(() =>
      expect(screen.getByTestId('aidant-toggle').getAttribute('aria-checked')).toBe('false'),
    );
    expect(screen.queryByTestId('aidant-tools')).toBeNull();
    expect(screen.queryByTestId('aidant-tip')).toBeNull();

    // The memo is a plain link to a new tab.
    const memo = screen.getByTestId('memo-link') as HTMLAnchorElement;
    expect(memo.getAttribute('href')).toBe(`/memo.html?guide=${guide.id}`);
    expect(memo.target).toBe('_blank');

    // The guide is closed: the list offers to resume where the page had moved it.
    await click(screen.getByTestId('stop'));
    const card = await screen.findByTestId('resume-card');
    await waitFor(() => expect(card.textContent).toContain('vous étiez à l’étape 2'));
    expect(within(card).getByTestId('notes-list').textContent).toContain('carnet bleu');
    expect(within(card).getByTestId('history').textContent).toContain('avec aide : 1 fois');

    await click(screen.getByTestId('resume-button'));
    await waitFor(() => expect(screen.getByTestId('step-count').textContent).toBe('Étape 2 sur 8'));
    // Resumed alone, in the same session (no new one).
    expect(screen.getByTestId('aidant-toggle').getAttribute('aria-checked')).toBe('false');
    expect(await bg.db.sessions.count()).toBe(1);
  });

  it('the page only hears « something to resume »; the panel shows which and resumes there', async () => {
    const bg = realBackground();
    await onCafHome(bg);
    // Last time the person stopped at step 4 and closed the guide.
    await bg.handlers['guide:start'](
      { tabId: TAB, guideId: guide.id, mode: 'alone', stepIndex: 3 },
      {},
    );
    await bg.handlers['guide:stop']({ tabId: TAB }, {});
    const seen = (await bg.handlers['page:seen'](
      { href: 'https://www.caf.fr/' },
      { tabId: TAB },
    )) as Responses['page:seen'];
    expect(seen.offer).toEqual({ guides: [], resume: true });

    // The panel opened from « Reprendre ma démarche » reads the details from progress.
    renderPanel(bg);
    const card = await screen.findByTestId('resume-card');
    await waitFor(() => expect(card.textContent).toContain('vous étiez à l’étape 3'));
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toContain(guide.title);
    await click(within(card).getByTestId('resume-button'));
    await waitFor(() => expect(screen.getByTestId('step-count').textContent).toBe('Étape 3 sur 9'));
    expect(screen.getByTestId('step-title').textContent).toBe(guide.steps[3]!.title);
    expect(await bg.db.sessions.count()).toBe(1);
  });

  it('shows no resume card when nothing is unfinished', async () => {
    const bg = realBackground();
    await onCafHome(bg);
    renderPanel(bg);
    await screen.findByTestId(`guide-${guide.id}`);
    await act(async () => undefined);
    expect(screen.queryByTestId('resume-card')).toBeNull();
  });

  it('follows a language chosen in another page at once, guides included', async () => {
    const bg = realBackground();
    await onCafHome(bg);
    renderPanel(bg);
    await screen.findByTestId(`guide-${guide.id}`);
    expect(screen.getByTestId('open-settings').textContent).toBe('Réglages');
    // Chosen in the options page: the background tells every open page.
    await act(async () => {
      await bg.handlers['settings:set']({ language: 'en' }, {});
    });
    await waitFor(() => expect(screen.getByTestId('open-settings').textContent).toBe('Settings'));
    expect(screen.getByTestId(`guide-${guide.id}`).textContent).toContain(guide.i18n!.en!.title!);
    expect(document.documentElement.lang).toBe('en');
  });

  it('links the settings to « Mes données »', async () => {
    const bg = realBackground();
    await onCafHome(bg);
    renderPanel(bg);
    await click(await screen.findByTestId('open-settings'));
    const link = screen.getByTestId('my-data-link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/options.html');
    expect(link.textContent).toContain('Mes données');
  });
});

describe('side panel, steps and the end of a guide', () => {
  const at = (id: string) => guide.steps.findIndex((s) => s.id === id);
  const moved = (
    bg: ReturnType<typeof realBackground>,
    from: number,
    to: number,
    finished = false,
  ) =>
    act(async () => {
      await bg.handlers['step:moved']({ guideId: guide.id, from, to, finished }, { tabId: TAB });
    });
  const count = () => screen.getByTestId('step-count').textContent;

  it('counts the optional steps entered, and goes back to the step shown before', async () => {
    const bg = realBackground();
    await onCafHome(bg);
    renderPanel(bg);
    await click(await screen.findByTestId(`guide-${guide.id}`));
    await click(screen.getByTestId('start'));
    await waitFor(() => expect(count()).toBe('Étape 1 sur 8'));
    await moved(bg, 0, at('choisir-connexion'));
    await waitFor(() => expect(count()).toBe('Étape 2 sur 8'));
    await moved(bg, at('choisir-connexion'), at('numero'));
    await waitFor(() => expect(count()).toBe('Étape 3 sur 9'));
    await moved(bg, at('numero'), at('ouvrir-mes-ressources'));
    // The password, the code and FranceConnect were passed over: N went up by one.
    await waitFor(() => expect(count()).toBe('Étape 4 sur 9'));
    expect(screen.getByTestId('step-title').textContent).toBe('Ouvrez « Mes ressources »');
    await click(screen.getByTestId('prev'));
    await waitFor(() =>
      expect(screen.getByTestId('step-title').textContent).toBe(guide.steps[at('numero')]!.title),
    );
    expect(count()).toBe('Étape 3 sur 9');
  });

  it('shows the end of the guide once its last step is done', async () => {
    const bg = realBackground();
    await onCafHome(bg);
    renderPanel(bg);
    await click(await screen.findByTestId(`guide-${guide.id}`));
    await click(screen.getByTestId('start'));
    await waitFor(() => expect(count()).toBe('Étape 1 sur 8'));
    const last = guide.steps.length - 1;
    await moved(bg, 0, last);
    await waitFor(() => expect(count()).toBe('Étape 8 sur 8'));
    expect(screen.queryByTestId('guide-finished')).toBeNull();
    await moved(bg, last, last, true);
    const end = await screen.findByTestId('guide-finished');
    expect(end.textContent).toContain('C’est fini !');
    // Said once: the end is announced once, and the last step keeps its own words under it.
    expect(screen.getByTestId('end-step-title').textContent).toBe(guide.steps[last]!.title);
    expect(end.textContent!.match(/fini/g)).toHaveLength(1);
    expect(screen.queryByTestId('next')).toBeNull();
    expect(screen.queryByTestId('prev')).toBeNull();
    expect(screen.queryByTestId('step-count')).toBeNull();
    expect(document.activeElement?.textContent).toBe('C’est fini !');
    const sessions = await bg.db.sessions.toArray();
    expect(sessions.map((x) => x.status)).toEqual(['done']);
    // What makes sense now: the memo, or another procedure (the site's guides again).
    expect(screen.getByTestId('memo-link').textContent).toContain('Mémo à imprimer');
    expect(screen.getByTestId('stop').textContent).toBe('Choisir une autre démarche');
    expect(screen.getByTestId('stop').className).toContain('btn-primary');
    await click(screen.getByTestId('stop'));
    await screen.findByTestId(`guide-${guide.id}`);
  });
});

describe('side panel, paper memo link', () => {
  it('carries the optional steps entered, so the memo numbers the steps as the step bar', async () => {
    const bg = realBackground();
    await onCafHome(bg);
    renderPanel(bg);
    await click(await screen.findByTestId(`guide-${guide.id}`));
    await click(screen.getByTestId('start'));
    await screen.findByTestId('step-view');
    const link = () => screen.getByTestId('memo-link').getAttribute('href');
    expect(link()).toBe(`/memo.html?guide=${guide.id}`);

    // The page moves the guide on, step by step, to its first optional step (the site's login).
    const optional = guide.steps.findIndex((s) => s.optional);
    for (let k = 0; k < optional; k++) {
      await act(async () => {
        await bg.handlers['step:moved'](
          { guideId: guide.id, from: k, to: k + 1, finished: false },
          { tabId: TAB },
        );
      });
    }
    await waitFor(() => expect(link()).toBe(`/memo.html?guide=${guide.id}&entered=${optional}`));
  });
});
