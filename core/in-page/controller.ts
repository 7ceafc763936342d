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
import { domProbe, evaluate } from '../steps/engine';
import { locate } from '../locate/locate';
import type { Overlay } from './overlay';

/** What the controller draws with (the shadow-root overlay, a stub in tests). */
export type PageOverlay = Pick<
  Overlay,
  'showOffer' | 'showStepBar' | 'showNotFound' | 'removeCard' | 'highlight' | 'clearHighlight'
>;

/** How long a missing target may take to appear (pages render late) before we say so. */
export const NOT_FOUND_GRACE_MS = 2500;

export interface ControllerDeps {
  doc: Document;
  send: Send;
  overlay: PageOverlay;
  allowPractice: boolean;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  onGlossarySetting(enabled: boolean, language: string): void;
}

export class PageController {
  private state: ActiveState | null = null;
  private offer: Offer | null = null;
  private offerDismissed = false;
  private reported: { key: string; found: boolean } | null = null;
  private notFoundTimer: number | null = null;
  /** A step:moved is on its way: wait for the answer before judging the page again. */
  private moving = false;

  constructor(private readonly deps: ControllerDeps) {}

  private currentKey(): string | null {
    const rec = recognise(this.deps.doc.location?.href ?? '', this.deps.allowPractice);
    return rec ? urlKey(rec.url) : null;
  }

  /** The page loaded or its address changed (single-page apps). */
  async pageSeen(): Promise<void> {
    const href = this.deps.doc.location?.href ?? '';
    const reply = await this.deps.send('page:seen', { href });
    this.offer = reply.offer;
    this.applyPage(reply);
  }

  /**
   * A message from the background: a `state:changed` push (checked here, since anything may
   * arrive) is applied; anything else is ignored.
   */
  receive(message: unknown): void {
    const envelope = safeParse(EnvelopeSchema, message);
    if (!envelope.success || envelope.data.type !== 'state:changed') return;
    const data = safeParse(pagePushes['state:changed'], envelope.data.data);
    if (data.success) this.applyPage(data.data);
  }

  /** The guide and the settings, as the background sent them (push, or reply). */
  private applyPage(page: PageState): void {
    this.deps.onGlossarySetting(page.glossary, page.language);
    this.apply(page.state);
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
    const { overlay } = this.deps;
    if (!state) {
      overlay.clearHighlight();
      if (this.offer && !this.offerDismissed) overlay.showOffer(this.offer);
      else overlay.removeCard();
      return;
    }
    overlay.showStepBar(state.stepIndex + 1, state.guide.steps.length, state.finished);
    this.refresh();
  }

  dismissOffer(): void {
    this.offerDismissed = true;
  }

  /** Re-check the page: called after DOM changes (batched) and route changes. */
  refresh(): void {
    const state = this.state;
    if (!state || this.moving) return;
    const key = this.currentKey();
    if (key === null) return;
    const probe = domProbe(this.deps.doc, key);
    const result = evaluate(state.guide, state.stepIndex, probe);
    if (result.index !== state.stepIndex || result.finished !== state.finished) {
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
    const target = locate(this.deps.doc, step.target);
    const reportKey = `${state.guide.id}#${state.stepIndex}`;
    if (target) {
      this.cancelNotFound();
      overlay.highlight(target, step.callout ?? step.title);
      overlay.showStepBar(state.stepIndex + 1, state.guide.steps.length, state.finished);
      this.report(reportKey, state, true);
      return;
    }
    overlay.clearHighlight();
    // Wait unless this step was already reported missing (a target found earlier may vanish).
    const toldMissing = this.reported?.key === reportKey && !this.reported.found;
    if (this.notFoundTimer === null && !toldMissing) {
      this.notFoundTimer = this.deps.setTimeout(() => {
        this.notFoundTimer = null;
        const again = this.state && locate(this.deps.doc, step.target ?? []);
        if (again) return this.refresh();
        overlay.showNotFound();
        this.report(reportKey, state, false);
      }, NOT_FOUND_GRACE_MS);
    }
  }

  private report(key: string, state: ActiveState, found: boolean) {
    if (this.reported?.key === key && this.reported.found === found) return;
    this.reported = { key, found };
    void this.deps
      .send('step:found', { guideId: state.guide.id, stepIndex: state.stepIndex, found })
      .catch(() => undefined);
  }

  private cancelNotFound() {
    if (this.notFoundTimer !== null) this.deps.clearTimeout(this.notFoundTimer);
    this.notFoundTimer = null;
  }
}
