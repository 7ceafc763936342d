/**
 * What a site's page remembers between visits, kept here because the in-page script has no
 * storage of its own: « Plus tard » on the offer (for the rest of the day) and where the step
 * bar sits. Kept per site id, with the day as a date string: no address, nothing typed.
 */
import * as z from 'zod/mini';
import { SiteIdSchema } from '../guides/model';
import type { PagePrefs } from '../messaging/responses';
import type { KeyValueStore } from './tab-state';

const KEY = 'pagePrefs';

const SitePrefsSchema = z.object({
  /** The day « Plus tard » was chosen (YYYY-MM-DD, the computer's own calendar). */
  laterDay: z.optional(z.string().check(z.maxLength(10))),
  barFolded: z.optional(z.boolean()),
  barTop: z.optional(z.boolean()),
});
const AllPrefsSchema = z.partialRecord(SiteIdSchema, SitePrefsSchema);
type AllPrefs = z.infer<typeof AllPrefsSchema>;

/** Today in the computer's own calendar (not UTC: « for the day » is the person's day). */
export function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const NO_PREFS: PagePrefs = { later: false, barFolded: false, barTop: false };

export class PagePrefsStore {
  constructor(
    private readonly local: KeyValueStore,
    private readonly today: () => string = () => localDay(),
  ) {}

  private async all(): Promise<AllPrefs> {
    // What does not fit (an older build, a manual edit) is forgotten: the defaults are safe.
    const read = z.safeParse(AllPrefsSchema, await this.local.get(KEY));
    return read.success ? read.data : {};
  }

  async get(site: string | null | undefined): Promise<PagePrefs> {
    const parsed = z.safeParse(SiteIdSchema, site);
    if (!parsed.success) return { ...NO_PREFS };
    const p = (await this.all())[parsed.data] ?? {};
    return {
      later: p.laterDay === this.today(),
      barFolded: p.barFolded ?? false,
      barTop: p.barTop ?? false,
    };
  }

  async set(
    site: string | null | undefined,
    change: { later?: boolean; barFolded?: boolean; barTop?: boolean },
  ): Promise<PagePrefs> {
    const parsed = z.safeParse(SiteIdSchema, site);
    if (!parsed.success) return { ...NO_PREFS };
    const all = await this.all();
    const p = { ...all[parsed.data] };
    if (change.later !== undefined) {
      if (change.later) p.laterDay = this.today();
      else delete p.laterDay;
    }
    if (change.barFolded !== undefined) p.barFolded = change.barFolded;
    if (change.barTop !== undefined) p.barTop = change.barTop;
    await this.local.set(KEY, { ...all, [parsed.data]: p });
    return this.get(parsed.data);
  }
}
