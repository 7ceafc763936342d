/**
 * Compile-time check that what guide authors write (schema.ts, after its transforms) is exactly
 * the model (model.ts) that the bundle, the messages and the engine use. A field added on one
 * side only makes `tsc` fail here, instead of silently disappearing on the way to the page.
 * Types only: nothing here runs.
 */
import type { z } from 'zod';
import type { GuideFile, PartFile, StepItem, TranslationFile, stepSchema } from './schema';
import type { Condition, Guide, GuideText, Locator, Step } from './model';

/** True only when A and B are the same type (optional keys and all). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

type AuthoredStep = Exclude<StepItem, { include: string }>;
/** A locator as written: one object with every possible key (checks allow one kind). */
type WrittenLocator = Exclude<
  NonNullable<z.input<typeof stepSchema>['target']>,
  readonly unknown[]
>;
/** Every key of any kind of model locator. */
type LocatorKeys = Locator extends infer L ? (L extends unknown ? keyof L : never) : never;

export type ModelAgrees = [
  Assert<Equal<AuthoredStep, Step>>,
  Assert<Equal<NonNullable<AuthoredStep['target']>[number], Locator>>,
  Assert<Equal<keyof WrittenLocator, LocatorKeys>>,
  Assert<Equal<NonNullable<AuthoredStep['on']>, Condition>>,
  Assert<Equal<NonNullable<AuthoredStep['done']>, Condition>>,
  // The guide file without what compiling replaces (kind, includes) or adds (translations).
  // `source_dated` is for the checker only: the compiled guide leaves it out.
  Assert<Equal<Omit<GuideFile, 'kind' | 'steps' | 'source_dated'>, Omit<Guide, 'steps' | 'i18n'>>>,
  Assert<Equal<Omit<PartFile, 'kind' | 'steps'>, Pick<Guide, 'id' | 'site' | 'title'>>>,
  Assert<Equal<TranslationFile, GuideText>>,
];
