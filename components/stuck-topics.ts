import type { Locator, Step } from '../core/guides/model';

/** What « Je suis bloqué(e) » offers first for a step, besides « La page n'est pas pareille ». */
export type StuckTopic = 'password' | 'code';

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function locatorWords(l: Locator): string[] {
  const out: string[] = [];
  for (const v of Object.values(l)) {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) out.push(...Object.values(v));
  }
  return out;
}

/**
 * The step's own words in French (the guide data, before translation: the ids and targets are
 * French) say which help fits: a step that asks for the password, one that waits for a code
 * sent by e-mail or text message. A « code postal » is not such a code. The site-level
 * recovery page comes from core/sites/registry.
 */
export function stuckTopics(step: Step): StuckTopic[] {
  const words = fold(
    [
      step.id.replace(/-/g, ' '),
      step.title,
      step.text,
      step.callout ?? '',
      ...(step.target ?? []).flatMap(locatorWords),
    ].join(' \n '),
  );
  const topics: StuckTopic[] = [];
  if (/mot de passe|password|\bmdp\b/.test(words)) topics.push('password');
  if (/\bcodes?\b(?! postal)/.test(words) || /\botp\b/.test(words)) topics.push('code');
  return topics;
}
