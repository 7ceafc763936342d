/**
 * Runtime shapes of what crosses the message boundary, derived from the guide model
 * (core/guides/model.ts) rather than written again. zod/mini keeps the content-script bundle
 * small (the classic build is not tree-shaken and probes `Function`, which store linters flag).
 */
import * as z from 'zod/mini';
import { LanguageSchema, ModeSchema, RunningGuideSchema, SiteIdSchema } from '../guides/model';

const text = z.string();
const id = z.string().check(z.minLength(1), z.maxLength(200));
const tabId = z.number().check(z.int(), z.gte(0));
const index = z.number().check(z.int(), z.gte(0), z.lte(500));

/** A guide running in a tab, as its page follows it. */
export const ActiveStateSchema = z.object({
  guide: RunningGuideSchema,
  stepIndex: index,
  finished: z.boolean(),
  /**
   * Indices of the optional steps the person has entered: they count in « Étape N sur M »
   * from then on (see core/steps/numbering). Missing: none.
   */
  entered: z.optional(z.array(index).check(z.maxLength(500))),
  /** Grows with every change of the tab's guide state, so an older copy is never applied. */
  seq: z.number().check(z.int(), z.gte(0)),
});

/** The same running guide as the side panel sees it: by id, with its mode and local record. */
export const ActiveInfoSchema = z.extend(z.omit(ActiveStateSchema, { guide: true }), {
  guideId: id,
  mode: ModeSchema,
  /** The progress session recording it; null: not recorded. */
  sessionId: z.nullable(z.number().check(z.int(), z.gte(1))),
  /** null: not reported yet by the page. */
  targetFound: z.nullable(z.boolean()),
});

/**
 * What the extension remembers about one tab while the browser is open: the site, the guides
 * its page suggests and the running guide's step. No address and nothing typed in the page.
 */
export const TabStateSchema = z.object({
  siteId: z.nullable(SiteIdSchema),
  /** Ids of the site's guides whose first steps match the page (best first). */
  suggested: z.array(id),
  /** Glossary term ids found on the page. */
  terms: z.array(id).check(z.maxLength(1000)),
  active: z.nullable(ActiveInfoSchema),
});

/** A tab's state for the extension pages. */
export const TabInfoSchema = z.extend(TabStateSchema, { tabId });

/** The settings the page follows too (the in-page script carries no schema for the rest). */
export const PageSettingsSchema = z.object({
  /** Mark hard words on the page. */
  glossary: z.boolean(),
  language: LanguageSchema,
  /** Text size of the side panel and of what we draw on the page, in percent. */
  textSize: z.number().check(z.gte(100), z.lte(200)),
  /**
   * Mark everyday web words too (« se connecter », « mot de passe »…). Missing: no, as in
   * settings saved before it existed.
   */
  everydayWords: z.optional(z.boolean()),
});

export const SettingsSchema = z.extend(PageSettingsSchema, {
  /** Sessions not touched for this many days are erased (0: never). */
  retentionDays: z.number().check(z.int(), z.gte(0), z.lte(3650)),
  /** « Je rédige des guides »: the authoring kit (page, picker, recorder, preview). Off if absent. */
  authoring: z.optional(z.boolean()),
  /**
   * « Ordinateur partagé »: nothing of the person is kept once the browser closes (progress,
   * notes and the aidant's contact are erased when it starts again). Missing: off.
   */
  sharedComputer: z.optional(z.boolean()),
});

/**
 * What the page needs to show: its tab's guide (null: none) and the settings it follows. The
 * background sends it with every change, so the page never has to ask again.
 */
export const PageStateSchema = z.object({
  ...PageSettingsSchema.shape,
  state: z.nullable(ActiveStateSchema),
});

export const schemas = { id, tabId, index, text };
export type ActiveState = z.infer<typeof ActiveStateSchema>;
export type ActiveInfo = z.infer<typeof ActiveInfoSchema>;
export type TabState = z.infer<typeof TabStateSchema>;
export type TabInfo = z.infer<typeof TabInfoSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type PageState = z.infer<typeof PageStateSchema>;
