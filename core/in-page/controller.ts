/**
 * The content script's logic, kept out of the entrypoint so it can be read and tested on its
 * own: report the page, follow the guide's current step on the live page, and move the guide
 * on when the page shows the step is done.
 */
import { safeParse } from 'zod/mini';
import type { Send } from '../messaging/client';
import { EnvelopeSchema, pagePushes } from '../messaging/envelope';
import type { Offer } from '../messaging/responses';
import type { ActiveState, PageState } from '../messaging/schemas';
import { recognise, urlKey } from '../sites/recognise';
import { domProbe, evaluate, explicitDone, fieldFilled } from '../steps/engine';
import { stepNumber } from '../steps/numbering';
import { findTarget, locate } from '../locate/locate';
import type { Step } from '../guides/model';
import { FormMarks } from './form-marks';
import type { Overlay } from './overlay';

/** What the controller draws with (the shadow-root overlay, a stub in tests). */
export type PageOverlay = Pick<
  Overlay,
  | 'showOffer'
  | 'showStepBar'
  | 'showNotFound'
  | 'removeCard'
  | 'highlight'
  | 'clearHighlight'
  | 'setBarPrefs'
>;

/** The settings the page follows, as the background sends them. */
export type PageSettings = Omit<PageState, 'state'>;

/** How long a missing target may take to appear (pages render late) before we say so. */
export const NOT_FOUND_GRACE_MS = 2500;

export interface ControllerDeps {
  doc: Document;
  send: Send;
  overlay: PageOverlay;
  allowPractice: boolean;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** The settings arrived or changed: language, text size, glossary. */
  onSettings(settings: PageSettings): void;
}

/** One step of one guide, as the page has shown it. */
const stepKey = (s: ActiveState) => `${s.guide.id}#${s.stepIndex}`;

/**
 * A step that began while this page was shown, and whether its `done` already held then
 * (`stale`; null: not looked at yet). Such a `done` does not count until it has stopped
 * holding once: the elements were there before the person did anything.
 */
interface Begun {
  key: string;
  stale: boolean | null;
}

export class PageController {
  private state: ActiveState | null = null;
  /** State pushes received so far (a reply that crossed one is not the latest word). */
  private pushes = 0;
  private offer: Offer | null = null;
  private offerDismissed = false;
  private reported: { key: string; found: boolean } | null = null;
  private notFoundTimer: number | null = null;
  /** A step:moved is on its way: wait for the answer before judging the page again. */
  private moving = false;
  private readonly marks: FormMarks;
  /** The step last shown (stepKey), to tell when a new one begins. */
  private shownKey: string | null = null;
  private begun: Begun | null = null;
  /** The step this page's own look moved to, with its `done` at that look. */
  private arriving: Begun | null = null;
  /** The next state applied is the one this page was loaded (or routed) with. */
  private withPage = false;
  private soon: number | null = null;
  /** The language the offer's titles were given in. */
  private offerLanguage: string | null = null;

  constructor(private readonly deps: ControllerDeps) {
    // Leaving a field or pressing a button changes nothing in the DOM: look again then.
    this.marks = new FormMarks(deps.doc, () => this.refreshSoon());
    this.marks.start();
  }

  /** Stops listening to the page (the extension was reloaded or the page is going away). */
  stop(): void {
    this.marks.stop();
    this.cancelNotFound();
    if (this.soon !== null) this.deps.clearTimeout(this.soon);
    this.soon = null;
  }

  private refreshSoon(): void {
    if (this.soon !== null) return;
    // After the event: focus has moved on by then.
    this.soon = this.deps.setTimeout(() => {
      this.soon = null;
      this.refresh();
    }, 0);
  }

  private currentKey(): string | null {
    const rec = recognise(this.deps.doc.location?.href ?? '', this.deps.allowPractice);
    return rec ? urlKey(rec.url) : null;
  }

  /** The page loaded or its address changed (single-page apps). */
  async pageSeen(): Promise<void> {
    const href = this.deps.doc.location?.href ?? '';
    this.withPage = true;
    const pushesBefore = this.pushes;
    const reply = await this.deps.send('page:seen', { href });
    this.offer = reply.offer;
    this.offerLanguage = reply.language;
    // « Plus tard » chosen on this site today holds on every page of it.
    const prefs = reply.prefs;
    if (prefs?.later) this.offerDismissed = true;
    this.deps.overlay.setBarPrefs({ folded: !!prefs?.barFolded, top: !!prefs?.barTop });
    // A push that came while the background answered may be newer than the reply, which has
    // no order to compare when no guide runs (a guide resumed from the panel while the page
    // loaded): the pushed guide state stays, the reply's settings and offer still count.
    this.applyPage(this.pushes === pushesBefore ? reply : { ...reply, state: this.state });
  }

  /**
   * A message from the background: a `state:changed` push (checked here, since anything may
   * arrive) is applied; anything else is ignored.
   */
  receive(message: unknown): void {
    const envelope = safeParse(EnvelopeSchema, message);
    if (!envelope.success || envelope.data.type !== 'state:changed') return;
    const data = safeParse(pagePushes['state:changed'], envelope.data.data);
    if (!data.success) return;
    this.pushes++;
    this.applyPage(data.data);
  }

  /** The guide and the settings, as the background sent them (push, or reply). */
  private applyPage(page: PageState): void {
    const { state, ...settings } = page;
    this.deps.onSettings(settings);
    this.apply(state);
    // The offer's guide titles come in the language of the moment: ask for them again.
    if (this.offer && this.offerLanguage !== null && this.offerLanguage !== page.language) {
      this.offerLanguage = page.language;
      void this.pageSeen().catch(() => undefined);
    }
  }

  /** Shows a guide state, unless it is older than the one shown. */
  private apply(state: ActiveState | null): void {
    const current = this.state;
    // Replies and pushes may cross: never go back to an older copy of the tab's state (seq
    // grows with every change in the tab, whichever guide runs).
    if (state && current && state.seq < current.seq) return;
    this.state = state;
    this.moving = false;
    this.reported = null;
    this.cancelNotFound();
    this.beginStep(state);
    const { overlay } = this.deps;
    if (!state) {
      overlay.clearHighlight();
      if (this.offer && !this.offerDismissed) overlay.showOffer(this.offer);
      else overlay.removeCard();
      return;
    }
    if (state.finished) {
      // The guide is over: the page is the person's again (the side panel shows the end).
      overlay.clearHighlight();
      overlay.removeCard();
      return;
    }
    this.showStepBar(state);
    this.refresh();
  }

  /** Notes when a new step begins on this page (see Begun). */
  private beginStep(state: ActiveState | null): void {
    const withPage = this.withPage;
    this.withPage = false;
    const key = state && stepKey(state);
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.marks.newStep();
    const arriving = this.arriving;
    this.arriving = null;
    // A step that came with the page began before it: what the page shows is news for it.
    if (key === null || withPage) this.begun = null;
    else this.begun = arriving?.key === key ? arriving : { key, stale: null };
  }

  private showStepBar(state: ActiveState): void {
    const { n, total } = stepNumber(state.guide, state.stepIndex, state.entered);
    this.deps.overlay.showStepBar(n, total, false);
  }

  /** The offer was closed; with « Plus tard », the site keeps it closed for the day. */
  dismissOffer(remember = false): void {
    this.offerDismissed = true;
    if (remember) void this.deps.send('page:prefs', { later: true }).catch(() => undefined);
  }

  /** The person folded or moved the step bar: the site keeps it so. */
  barChanged(bar: { folded: boolean; top: boolean }): void {
    void this.deps
      .send('page:prefs', { barFolded: bar.folded, barTop: bar.top })
      .catch(() => undefined);
  }

  /** Re-check the page: called after DOM changes (batched) and route changes. */
  refresh(): void {
    const state = this.state;
    if (!state || state.finished || this.moving) return;
    const key = this.currentKey();
    if (key === null) return;
    const probe = domProbe(this.deps.doc, key, this.marks);
    const begun = this.begun?.key === stepKey(state) ? this.begun : null;
    if (begun) {
      const held = explicitDone(state.guide.steps[state.stepIndex], probe);
      if (begun.stale === null) begun.stale = held;
      else if (!held) begun.stale = false;
    }
    const result = evaluate(state.guide, state.stepIndex, probe, { staleDone: !!begun?.stale });
    if (result.index !== state.stepIndex || result.finished !== state.finished) {
      this.arriving = {
        key: `${state.guide.id}#${result.index}`,
        stale: explicitDone(state.guide.steps[result.index], probe),
      };
      this.move(state, result.index, result.finished);
      return;
    }
    this.showTarget(state);
  }

  /**
   * Tells the background the guide moved on. Its answer is the tab's new state, shown at once
   * (no push to wait for). A newer state that arrives first has already been shown and looked
   * at, and the answer, older, is then left aside.
   */
  private move(state: ActiveState, to: number, finished: boolean): void {
    this.moving = true;
    this.deps.overlay.clearHighlight();
    void this.deps
      .send('step:moved', { guideId: state.guide.id, from: state.stepIndex, to, finished })
      .then(
        (reply) => this.applyPage(reply),
        () => {
          // No background to answer (the extension was reloaded): the next change of the page
          // tries again; asking at once could only fail the same way.
          if (this.state === state) this.moving = false;
        },
      );
  }

  private showTarget(state: ActiveState): void {
    const { overlay } = this.deps;
    const step = state.guide.steps[state.stepIndex];
    if (!step || state.finished || !step.target?.length) {
      overlay.clearHighlight();
      this.cancelNotFound();
      return;
    }
    const target = this.ringed(step);
    const reportKey = `${state.guide.id}#${state.stepIndex}`;
    if (target) {
      this.cancelNotFound();
      overlay.highlight(target, step.callout ?? step.title);
      this.showStepBar(state);
      this.report(reportKey, state, true);
      return;
    }
    overlay.clearHighlight();
    // There, but not usable yet (a button waiting for a box, or behind an open dialog): never
    // ringed, and not « not found » either. The step's text says what it waits for.
    if (findTarget(this.deps.doc, step.target).status !== 'missing') {
      this.cancelNotFound();
      this.report(reportKey, state, true);
      return;
    }
    // Wait unless this step was already reported missing (a target found earlier may vanish).
    const toldMissing = this.reported?.key === reportKey && !this.reported.found;
    if (this.notFoundTimer === null && !toldMissing) {
      this.notFoundTimer = this.deps.setTimeout(() => {
        this.notFoundTimer = null;
        const again = this.state && this.ringed(step);
        if (again) return this.refresh();
        overlay.showNotFound();
        this.report(reportKey, state, false);
      }, NOT_FOUND_GRACE_MS);
    }
  }

  /**
   * What to ring for a step: its target; for a field filled in and left whose step has a
   * button to send it, that button.
   */
  private ringed(step: Step): Element | null {
    const target = locate(this.deps.doc, step.target ?? []);
    if (
      target &&
      step.action === 'fill' &&
      step.submit?.length &&
      fieldFilled(target, this.marks)
    ) {
      return locate(this.deps.doc, step.submit) ?? target;
    }
    return target;
  }

  private report(key: string, state: ActiveState, found: boolean) {
    if (this.reported?.key === key && this.reported.found === found) return;
    this.reported = { key, found };
    // Found only by a later locator of the list: the site may have changed (a drift note).
    const target = state.guide.steps[state.stepIndex]?.target ?? [];
    const fallback =
      found &&
      target.length > 1 &&
      findTarget(this.deps.doc, target.slice(0, 1)).status === 'missing';
    void this.deps
      .send('step:found', {
        guideId: state.guide.id,
        stepIndex: state.stepIndex,
        found,
        ...(fallback ? { fallback } : {}),
      })
      .catch(() => undefined);
  }

  private cancelNotFound() {
    if (this.notFoundTimer !== null) this.deps.clearTimeout(this.notFoundTimer);
    this.notFoundTimer = null;
  }
}
