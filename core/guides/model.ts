/**
 * The one definition of a guide and of the small value lists around it. The compiled bundle,
 * the messages, the step engine and the pages all use these schemas or the types inferred from
 * them; the authoring schema (schema.ts, build time) is checked against them at compile time
 * (model-check.ts). zod/mini keeps the in-page script small.
 */
import * as z from 'zod/mini';
import { SITE_IDS } from '../sites/registry';

/** The languages the extension speaks: its pages, the in-page strings and the guides offered. */
export const LANGUAGES = ['fr', 'en', 'ar'] as const;
/** Who follows a guide: the person alone, or with an aidant beside them. */
export const MODES = ['alone', 'aidant'] as const;
/** How a step was done, as the aidant marks it (or `skipped`). */
export const HOWS = ['alone', 'help', 'aidant', 'skipped'] as const;
export const STEP_ACTIONS = ['click', 'fill', 'choose', 'read'] as const;

export const SiteIdSchema = z.enum(SITE_IDS);
export const LanguageSchema = z.enum(LANGUAGES);
export const ModeSchema = z.enum(MODES);
export const HowSchema = z.enum(HOWS);

export type Language = z.infer<typeof LanguageSchema>;
export type Mode = z.infer<typeof ModeSchema>;
export type How = z.infer<typeof HowSchema>;
export type StepAction = (typeof STEP_ACTIONS)[number];

const text = z.string();
const id = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * A text to match against an element's name, label, text or placeholder, after normalising
 * case, accents, apostrophes and spaces: a plain string is the whole text; `{ start }` its
 * beginning; `{ pattern }` the whole text with `*` standing for any run of characters.
 */
export const TextMatchSchema = z.union([
  z.string(),
  z.object({ start: z.string() }),
  z.object({ pattern: z.string() }),
]);

/** One way to find an element; lists of locators are ordered fallbacks. */
export const LocatorSchema = z.union([
  /** Several roles: any of them (`[button, link]`). */
  z.object({ role: z.union([text, z.array(text)]), name: z.optional(TextMatchSchema) }),
  z.object({ label: TextMatchSchema }),
  z.object({ text: TextMatchSchema }),
  z.object({ placeholder: TextMatchSchema }),
  z.object({ css: text }),
]);

/** A condition on the page. Every part given must hold. */
export const ConditionSchema = z.object({
  /** URL patterns (one must match): `host/path?query#hash` with `*` wildcards, or `/regex/`. */
  url: z.optional(z.array(text)),
  /** Each locator must find a visible element. */
  present: z.optional(z.array(LocatorSchema)),
  /** Each locator must find nothing visible. */
  absent: z.optional(z.array(LocatorSchema)),
});

/**
 * What a step's words and facts rest on: a public page and the words quoted from it, with the
 * date printed on it or of its stored copy; or why it is not verified yet.
 */
export const EvidenceSchema = z.union([
  z.object({ url: text, quote: text, seen: text }),
  z.object({ unverified: text }),
]);

export const StepSchema = z.object({
  id,
  title: text,
  /** Plain-language text; a tiny Markdown subset (**bold**) is allowed, never HTML. */
  text: text,
  action: z.enum(STEP_ACTIONS),
  /** Where this step happens. */
  on: z.optional(ConditionSchema),
  /**
   * The step applies only when its `on` holds (a code asked only sometimes, one route of
   * two): the guide passes over it otherwise, and the step count leaves it out until entered.
   */
  optional: z.optional(z.boolean()),
  /** What to circle on the page: the first locator that finds a visible element wins. */
  target: z.optional(z.array(LocatorSchema)),
  /** For fill / choose steps: the button that sends the answer (clicked after the target). */
  submit: z.optional(z.array(LocatorSchema)),
  /** Short text next to the circle. */
  callout: z.optional(text),
  /** When the step is done. Without it, the person moves on with "Suivant". */
  done: z.optional(ConditionSchema),
  /** Id of the step that comes after this one (default: the next in the list). */
  next: z.optional(text),
  /** Tip for the aidant, shown in aidant mode only. */
  aidant: z.optional(text),
  evidence: z.optional(EvidenceSchema),
});

/** The translated texts of a guide in one language; what is missing stays in French. */
export const GuideTextSchema = z.object({
  /** Stamp of the French the texts were made from (core/guides/stamp.ts). */
  fr: z.optional(z.string()),
  title: z.optional(text),
  goal: z.optional(text),
  prepare: z.optional(z.array(text)),
  steps: z.optional(
    z.record(
      z.string(),
      z.object({
        fr: z.optional(z.string()),
        title: z.optional(text),
        text: z.optional(text),
        callout: z.optional(text),
        aidant: z.optional(text),
      }),
    ),
  ),
});

/**
 * The part of a guide its page follows: what the step engine and the step bar need, already in
 * the person's language (the background localises it). The full guide extends it, so the two
 * cannot drift, and the in-page script carries no schema for the rest.
 */
export const RunningGuideSchema = z.object({
  id,
  site: SiteIdSchema,
  title: text,
  steps: z.array(StepSchema).check(z.minLength(1)),
});

export const GuideSchema = z.extend(RunningGuideSchema, {
  goal: text,
  duration: z.optional(text),
  prepare: z.array(text),
  /** Address where the procedure starts. */
  start: text,
  /** Official page that describes the procedure. */
  source: text,
  /** Translations by language code; French is the text above and the fallback. */
  i18n: z.optional(z.record(z.string(), GuideTextSchema)),
});

export type TextMatch = z.infer<typeof TextMatchSchema>;
export type Locator = z.infer<typeof LocatorSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type Step = z.infer<typeof StepSchema>;
export type GuideText = z.infer<typeof GuideTextSchema>;
export type Guide = z.infer<typeof GuideSchema>;
export type RunningGuide = z.infer<typeof RunningGuideSchema>;

/** The running guide taken from a compiled one. */
export function runningGuide({ id, site, title, steps }: RunningGuide): RunningGuide {
  return { id, site, title, steps };
}
