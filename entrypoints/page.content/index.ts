import './style.css';
import { browser, createShadowRootUi, defineContentScript } from '#imports';
import { createClient } from '../../core/messaging/client';
import { pageStrings } from '../../core/in-page/strings';
import { Overlay } from '../../core/in-page/overlay';
import { PageController } from '../../core/in-page/controller';
import { PRACTICE_MATCH_PATTERNS, siteMatchPatterns } from '../../core/sites/registry';
import { GlossaryView } from '../../core/in-page/glossary-view';
import { recognise } from '../../core/sites/recognise';

function speak(text: string) {
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'fr-FR';
  const voice = speechSynthesis.getVoices().find((v) => v.lang.startsWith('fr'));
  if (voice) u.voice = voice;
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
    let t = pageStrings('fr');

    const ui = await createShadowRootUi(ctx, {
      name: 'pas-a-pas-ui',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      onMount(container) {
        return new Overlay(
          container,
          t,
          {
            openPanel: () => void send('panel:open', {}).catch(() => undefined),
            dismissOffer: () => controller?.dismissOffer(),
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
      onGlossarySetting(enabled, language) {
        t = pageStrings(language);
        overlay.setStrings(t);
        const site = recognise(location.href, allowPractice)?.site.id;
        if (enabled && !glossary && site) {
          glossary = new GlossaryView({
            doc: document,
            overlay,
            send,
            hostTag: 'pas-a-pas-ui',
            setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
            clearTimeout: (id) => clearTimeout(id),
            highlights:
              typeof Highlight === 'function' && 'highlights' in CSS
                ? { registry: CSS.highlights, make: () => new Highlight() }
                : undefined,
            speak: 'speechSynthesis' in window ? speak : undefined,
          });
          void glossary.start().catch(() => undefined);
        } else if (!enabled && glossary) {
          glossary.stop();
          glossary = null;
        }
      },
    });

    browser.runtime.onMessage.addListener((message, sender) => {
      // The background's pushes only; the controller checks what they carry.
      if (sender.id === browser.runtime.id) controller?.receive(message);
      return undefined;
    });

    // Page changes: batch DOM mutations; follow single-page-app route changes.
    let pending = 0;
    const observer = new MutationObserver((records) => {
      if (records.every((r) => ui.shadowHost.contains(r.target))) return;
      if (pending) return;
      pending = ctx.setTimeout(() => {
        pending = 0;
        controller?.refresh();
      }, 150);
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['hidden', 'style', 'class', 'aria-hidden', 'open'],
    });
    ctx.onInvalidated(() => observer.disconnect());

    let lastHref = location.href;
    const routeChanged = () => {
      if (location.href === lastHref) return;
      lastHref = location.href;
      glossary?.rescan();
      void controller?.pageSeen().catch(() => undefined);
    };
    ctx.addEventListener(window, 'popstate', routeChanged);
    ctx.addEventListener(window, 'hashchange', routeChanged);
    // pushState/replaceState fire no event in the content script's world: check the address.
    ctx.setInterval(routeChanged, 400);

    await controller.pageSeen().catch(() => undefined);
  },
});
