import './style.css';
import { browser, createShadowRootUi, defineContentScript } from '#imports';
import { createClient } from '../../core/messaging/client';
import { pageStrings } from '../../core/in-page/strings';
import { Overlay } from '../../core/in-page/overlay';
import { PageController } from '../../core/in-page/controller';
import { PRACTICE_MATCH_PATTERNS, siteMatchPatterns } from '../../core/sites/registry';
import { GlossaryView } from '../../core/in-page/glossary-view';
import { PageWatcher } from '../../core/in-page/page-watcher';
import { recognise } from '../../core/sites/recognise';
import { voiceFor } from '../../core/text/voices';

/** Reads a tooltip aloud in the language it is written in; never in another language's voice. */
function speak(text: string, lang: string) {
  const voice = voiceFor(speechSynthesis.getVoices(), lang);
  if (!voice) return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = voice.lang;
  u.voice = voice;
  speechSynthesis.cancel();
  speechSynthesis.speak(u);
}

export default defineContentScript({
  // Store builds drop the practice hosts (see wxt.config.ts).
  matches: [...siteMatchPatterns(), ...PRACTICE_MATCH_PATTERNS],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const allowPractice = import.meta.env.MODE !== 'store';
    const send = createClient((m) => browser.runtime.sendMessage(m));
    const reduced = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    let controller: PageController | null = null;
    let glossary: GlossaryView | null = null;
    let glossaryStarted: Promise<unknown> = Promise.resolve();
    let t = pageStrings('fr');
    let wanted: string = t.lang;

    const ui = await createShadowRootUi(ctx, {
      name: 'pas-a-pas-ui',
      position: 'inline',
      anchor: 'body',
      // First in the page: the offer and the step bar are the first Tab stops, before the
      // site's own links, without taking the focus from anyone (see core/in-page/overlay.ts).
      append: 'first',
      mode: 'open',
      onMount(container) {
        return new Overlay(
          container,
          t,
          {
            openPanel: () => void send('panel:open', {}).catch(() => undefined),
            dismissOffer: (remember) => controller?.dismissOffer(remember),
            barChanged: (bar) => controller?.barChanged(bar),
          },
          reduced,
        );
      },
      onRemove(overlay) {
        overlay?.destroy();
      },
    });
    ui.mount();
    const overlay = ui.mounted!;

    controller = new PageController({
      doc: document,
      send,
      overlay,
      allowPractice,
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
      onSettings({ glossary: enabled, language, textSize, everydayWords }) {
        if (language !== wanted) {
          wanted = language;
          // French is bundled; another language's words come from the background.
          const table =
            language === 'fr'
              ? Promise.resolve({})
              : send('page:strings', { language }).catch(() => ({}));
          void table.then((words) => {
            if (wanted !== language) return; // changed again meanwhile
            t = pageStrings(language, words);
            overlay.setStrings(t);
          });
        }
        overlay.setTextSize(textSize);
        const site = recognise(location.href, allowPractice)?.site.id;
        const everyday = everydayWords ?? false;
        // Everyday words switched on or off: mark the page again with the new list.
        if (glossary && (!enabled || glossary.everyday !== everyday)) {
          glossary.stop();
          glossary = null;
        }
        if (enabled && !glossary && site) {
          glossary = new GlossaryView({
            doc: document,
            overlay,
            send,
            hostTag: 'pas-a-pas-ui',
            everyday,
            setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
            clearTimeout: (id) => clearTimeout(id),
            highlights:
              typeof Highlight === 'function' && 'highlights' in CSS
                ? { registry: CSS.highlights, make: () => new Highlight() }
                : undefined,
            speak: 'speechSynthesis' in window ? (text) => speak(text, t.lang) : undefined,
          });
          glossaryStarted = glossary.start().catch(() => undefined);
        }
      },
    });

    browser.runtime.onMessage.addListener((message, sender) => {
      // The background's pushes only; the controller checks what they carry.
      if (sender.id === browser.runtime.id) controller?.receive(message);
      return undefined;
    });

    // One watcher for the page's address and DOM, shared by the steps and the glossary.
    const watcher = new PageWatcher({
      win: window,
      root: document.body,
      ownHost: ui.shadowHost,
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
      setInterval: (fn, ms) => ctx.setInterval(fn, ms),
      clearInterval: (id) => clearInterval(id),
      onRoute() {
        glossary?.rescan();
        void controller?.pageSeen().catch(() => undefined);
      },
      onDom(records) {
        glossary?.domChanged(records);
        controller?.refresh();
      },
    });
    watcher.start();
    ctx.onInvalidated(() => {
      watcher.stop();
      controller?.stop();
    });

    // The first look is over once the background has answered and the glossary (when on) has
    // its words. Marked on our own host element only: tests wait for it before checking that
    // something is not shown.
    await controller
      .pageSeen()
      .then(() => glossaryStarted)
      .then(() => ui.shadowHost.setAttribute('data-pap-seen', ''))
      .catch(() => undefined);
  },
});
