/**
 * The content script's logic, kept out of the entrypoint so it can be read and tested on its
 * own: report the page, follow the guide's current step on the live page, and move the guide
 * on when the page shows the step is done.
 */
import type { Send } from '../messaging/client';
import type { Offer } from '../messaging/responses';
import type { ActiveState } from '../messaging/schemas';
import { recognise, urlKey } from '../sites/recognise';
import { domProbe, evaluate } from '../steps/engine';
import { locate } from '../locate/locate';
import type { Overlay } from './overlay';

/** How long a missing target may take to appear (pages render late) before we say so. */
export const NOT_FOUND_GRACE_MS = 2500;

export interface ControllerDeps {
  doc: Document;
  send: Send;
  overlay: Overlay;
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
  private moving = false;

  constructor(private readonly deps: ControllerDeps) {}

  private currentKey(): string | null {
    const rec = recognise(this.deps.doc.location?.href ?? '', this.deps.allowPractice);
    return rec ? urlKey(rec.url) : null;
  }

  private language = 'fr';

  /** The glossary was switched on or off in the settings. */
  glossarySetting(enabled: boolean): void {
    this.deps.onGlossarySetting(enabled, this.language);
  }

  /** The page loaded or its address changed (single-page apps). */
  async pageSeen(): Promise<void> {
    const href = this.deps.doc.location?.href ?? '';
    const reply = await this.deps.send('page:seen', { href });
    this.language = reply.language;
    this.deps.onGlossarySetting(reply.glossary, reply.language);
    this.offer = reply.offer;
    this.apply(reply.state);
  }

  /** New guide state pushed by the background (or received with page:seen). */
  apply(state: ActiveState | null): void {
    const current = this.state;
    // Replies and pushes may cross: never go back to an older copy of the same guide's state.
    if (state && current && state.guide.id === current.guide.id && state.seq < current.seq) return;
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
      this.moving = true;
      this.deps.overlay.clearHighlight();
      void this.deps
        .send('step:moved', {
          guideId: state.guide.id,
          from: state.stepIndex,
          to: result.index,
          finished: result.finished,
        })
        .catch(() => undefined)
        // The background answers with a state:changed push; if it never comes, try again later.
        .finally(() =>
          this.deps.setTimeout(() => {
            if (!this.moving) return;
            this.moving = false;
            this.refresh();
          }, 1500),
        );
      return;
    }
    this.showTarget(state);
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
