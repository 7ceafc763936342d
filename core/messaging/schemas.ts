/**
 * Runtime shapes of what crosses the message boundary. zod/mini keeps the content-script
 * bundle small (the classic build is not tree-shaken and probes `Function`, which store
 * linters flag).
 */
import * as z from 'zod/mini';

const text = z.string();
const id = z.string().check(z.minLength(1), z.maxLength(200));
const tabId = z.number().check(z.int(), z.gte(0));
const index = z.number().check(z.int(), z.gte(0), z.lte(500));

export const LocatorSchema = z.union([
  z.object({ role: text, name: z.optional(text) }),
  z.object({ label: text }),
  z.object({ text: text }),
  z.object({ placeholder: text }),
  z.object({ css: text }),
]);

export const ConditionSchema = z.object({
  url: z.optional(z.array(text)),
  present: z.optional(z.array(LocatorSchema)),
  absent: z.optional(z.array(LocatorSchema)),
});

export const StepSchema = z.object({
  id,
  title: text,
  text: text,
  action: z.enum(['click', 'fill', 'choose', 'read']),
  on: z.optional(ConditionSchema),
  target: z.optional(z.array(LocatorSchema)),
  submit: z.optional(z.array(LocatorSchema)),
  callout: z.optional(text),
  done: z.optional(ConditionSchema),
  next: z.optional(text),
  aidant: z.optional(text),
});

export const SiteIdSchema = z.enum(['caf', 'ameli', 'france-travail', 'impots', 'franceconnect']);

/** The guide as the content script receives it (already localised by the background). */
export const ActiveGuideSchema = z.object({
  id,
  site: SiteIdSchema,
  title: text,
  steps: z.array(StepSchema).check(z.minLength(1)),
});

export const ActiveStateSchema = z.object({
  guide: ActiveGuideSchema,
  stepIndex: index,
  finished: z.boolean(),
  /** Grows with every change of the tab's guide state, so an older copy is never applied. */
  seq: z.number().check(z.int(), z.gte(0)),
});

export const ModeSchema = z.enum(['alone', 'aidant']);
export const HowSchema = z.enum(['alone', 'help', 'aidant', 'skipped']);

export const schemas = { id, tabId, index, text };
export type ActiveState = z.infer<typeof ActiveStateSchema>;
export type ActiveGuide = z.infer<typeof ActiveGuideSchema>;
