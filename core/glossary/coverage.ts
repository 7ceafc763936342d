/**
 * Translation coverage of the glossary, per French file and language, in the same form as the
 * guides' (core/guides/coverage.ts): a definition and an example count as one string each, and
 * a translation whose stamp does not match the French is « à revoir ».
 */
import { TRANSLATED_LANGUAGES, type Coverage } from '../guides/coverage';
import { checkGlossaryFiles, checkTermFiles } from './check';
import { glossaryLanguage, termStamp } from './translations';

export function glossaryCoverage(
  files: readonly { path: string; text: string }[],
  langs: readonly string[] = TRANSLATED_LANGUAGES,
): Coverage[] {
  const { terms } = checkGlossaryFiles([...files]);
  const byId = new Map(terms.map((t) => [t.id, t]));
  const out: Coverage[] = [];
  for (const file of files) {
    if (glossaryLanguage(file.path) !== undefined) continue;
    const ids = checkTermFiles([file]).terms.map((t) => t.id);
    const name = (file.path.split('/').at(-1) ?? file.path).replace(/\.yaml$/, '');
    for (const lang of langs) {
      const c: Coverage = {
        id: name,
        kind: 'glossary',
        lang,
        translated: 0,
        total: 0,
        missing: [],
        stale: [],
      };
      for (const id of ids) {
        const term = byId.get(id);
        if (!term) continue;
        const t = term.i18n?.[lang];
        const total = term.example !== undefined ? 2 : 1;
        const done =
          (t?.definition !== undefined ? 1 : 0) +
          (term.example !== undefined && t?.example !== undefined ? 1 : 0);
        c.total += total;
        const stale = done > 0 && t?.fr !== termStamp(term);
        if (stale) c.stale.push(id);
        else c.translated += done;
        if (done < total) c.missing.push(id);
      }
      out.push(c);
    }
  }
  return out;
}
