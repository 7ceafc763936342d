/**
 * `guides:check --report`: per guide and part, the steps whose words rest on a quoted public
 * page and those not verified yet (with why), the totals; then the plain-language remarks
 * counted per file and per rule, so that the texts to rewrite are easy to see.
 */
import type { GuideCheckResult } from '../../core/guides/checks';

function count(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

function short(text: string, max = 90): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function percent(part: number, total: number): string {
  return total ? `${Math.round((100 * part) / total)} %` : '0 %';
}

export function printReport(result: GuideCheckResult, strict: boolean): void {
  console.log('\npreuves des étapes (evidence) :');
  let verified = 0;
  let unverified = 0;
  let missing = 0;
  for (const f of result.evidence) {
    const v = f.steps.filter((s) => s.status === 'verified');
    const u = f.steps.filter((s) => s.status === 'unverified');
    const m = f.steps.filter((s) => s.status === 'missing');
    verified += v.length;
    unverified += u.length;
    missing += m.length;
    const what = f.kind === 'part' ? 'partie' : 'guide';
    const parts = f.includes.length
      ? `, avec ${f.includes.length > 1 ? 'les parties' : 'la partie'} ${f.includes.join(', ')}`
      : '';
    const counts = [
      count(v.length, 'vérifiée', 'vérifiées'),
      count(u.length, 'non vérifiée', 'non vérifiées'),
    ];
    if (m.length) counts.push(`${m.length} sans preuve`);
    console.log(`${f.file} (${what} ${f.id}${parts}) : ${counts.join(', ')}`);
    for (const s of v) {
      console.log(
        `  vérifiée : ${s.id} : ${s.url ?? ''} « ${short(s.quote ?? '')} » (vue le ${s.seen ?? '?'})`,
      );
    }
    for (const s of u) console.log(`  non vérifiée : ${s.id} : ${short(s.reason ?? '')}`);
    for (const s of m) console.log(`  sans preuve : ${s.id}`);
  }
  const total = verified + unverified + missing;
  console.log(
    `total : ${count(total, 'étape', 'étapes')} (chaque partie comptée une fois), ${count(verified, 'vérifiée', 'vérifiées')} (${percent(verified, total)}), ${count(unverified, 'non vérifiée', 'non vérifiées')}, ${missing} sans preuve`,
  );

  const falc = result.findings.filter((f) => f.rule === 'falc');
  console.log(
    `\nlangage simple (FALC) : ${count(falc.length, 'remarque', 'remarques')}${strict ? ' (erreurs avec --strict)' : ' (avertissements ; erreurs avec --strict)'}`,
  );
  if (!falc.length) return;
  const byFile = new Map<string, number>();
  const byKind = new Map<string, number>();
  for (const f of falc) {
    byFile.set(f.file, (byFile.get(f.file) ?? 0) + 1);
    const kind = f.kind ?? '?';
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  console.log('par fichier :');
  for (const [file, n] of byFile) console.log(`  ${String(n).padStart(4)}  ${file}`);
  console.log('par règle (les plus fréquentes d’abord) :');
  for (const [kind, n] of [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${String(n).padStart(4)}  ${kind}`);
  }
}
