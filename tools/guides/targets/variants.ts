/**
 * Practice-page variants: states of a practice page that only come sometimes on the real site
 * (a second-factor code, a verification code) and that the practice page shows when its
 * address carries a practice query (`?mfa=1`, `&verification=1`). Each site folder of the
 * fixtures may declare them in `variants.json`, next to its `routes.json`:
 *
 *     [{ "file": "connexion.html", "query": { "mfa": "1" }, "shows": "…" }]
 *
 * Wherever the target check opens that page, it opens the same address with the query added
 * too, so that the steps of those screens are checked like the others. The guides know nothing
 * of it: the variants belong to the practice pages.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Variant {
  /** `<site folder>/<file>` of the page, as the fixture server names it. */
  file: string;
  /** The practice parameters added to the page's address. */
  query: Readonly<Record<string, string>>;
  /** What the variant shows, in a few words (for the people reading the fixtures). */
  shows: string;
}

const variantsFile = z.array(
  z.strictObject({
    file: z.string().regex(/^[^/\\]+\.html$/, 'un nom de page .html du même dossier'),
    query: z
      .record(z.string().min(1), z.string())
      .refine((q) => Object.keys(q).length > 0, 'au moins un paramètre'),
    shows: z.string().min(1),
  }),
);

/**
 * The variants declared in every site folder of a fixtures directory, by page (`<site>/<file>`).
 * A `variants.json` that is not as described throws an error naming the file.
 */
export function readVariants(dir: string): Map<string, Variant[]> {
  const out = new Map<string, Variant[]>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('_')) continue;
    const file = path.join(dir, entry.name, 'variants.json');
    if (!existsSync(file)) continue;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file} : JSON illisible (${(e as Error).message})`, { cause: e });
    }
    const parsed = variantsFile.safeParse(data);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      throw new Error(`${file} : ${first.path.join('.') || '(racine)'} : ${first.message}`);
    }
    for (const v of parsed.data) {
      const key = `${entry.name}/${v.file}`;
      if (!existsSync(path.join(dir, entry.name, v.file))) {
        throw new Error(`${file} : la page ${v.file} n’existe pas dans ${entry.name}/`);
      }
      out.set(key, [...(out.get(key) ?? []), { ...v, file: key }]);
    }
  }
  return out;
}

/** The address with the variant's parameters set in its query (the fragment is kept). */
export function variantAddress(href: string, variant: Variant): string {
  const u = new URL(href);
  for (const [k, v] of Object.entries(variant.query)) u.searchParams.set(k, v);
  return u.href;
}

/** How a page seen through a variant is named in the check's messages: `caf/connexion.html?mfa=1`. */
export function variantLabel(variant: Variant): string {
  return `${variant.file}?${new URLSearchParams(variant.query as Record<string, string>).toString()}`;
}
