/**
 * Where each step of a compiled guide was written, so that a problem found on a page points at
 * the line to fix: the step's own file, or the part file it was included from.
 */
import type { SourceFile } from '../../../core/guides/load';
import { parseYaml, positionOf, type YamlSource } from '../../../core/guides/yaml-source';

export interface Place {
  file: string;
  line: number;
  col: number;
}

export interface StepPlaces {
  /** The id as written in its file (without the part prefixes of an included step). */
  ownId: string;
  /** The step itself (its `- id:` item). */
  step: Place;
  /** Its `target`, or the step when it has none. */
  target: Place;
  /** Its `on`, or the step when it has none. */
  on: Place;
}

interface Unit {
  path: string;
  source: YamlSource;
  steps: unknown[];
}

function unitsById(files: readonly SourceFile[]): Map<string, Unit> {
  const units = new Map<string, Unit>();
  for (const { path, text } of files) {
    // Translations (`<id>.<lang>.yaml`) hold no steps of their own.
    if (/\.[^./]+\.yaml$/.test(path.replace(/^.*\//, ''))) continue;
    const parsed = parseYaml(text);
    if (parsed.errors.length) continue;
    const data = parsed.data as { id?: unknown; steps?: unknown } | null;
    if (!data || typeof data.id !== 'string' || !Array.isArray(data.steps)) continue;
    if (!units.has(data.id)) units.set(data.id, { path, source: parsed.source, steps: data.steps });
  }
  return units;
}

function placeIn(unit: Unit, index: number): StepPlaces {
  const at = (key?: string): Place => {
    const item = unit.steps[index] as Record<string, unknown>;
    const path =
      key !== undefined && item[key] !== undefined ? ['steps', index, key] : ['steps', index];
    return { file: unit.path, ...positionOf(unit.source, path) };
  };
  const { id } = unit.steps[index] as { id?: unknown };
  return { ownId: String(id), step: at(), target: at('target'), on: at('on') };
}

/** Finds a compiled step id (`part.step` for included steps) in a unit, through its includes. */
function find(units: Map<string, Unit>, unit: Unit, id: string, depth: number): StepPlaces | null {
  if (depth > 20) return null;
  for (const [i, item] of unit.steps.entries()) {
    const { id: own, include } = (item ?? {}) as { id?: unknown; include?: unknown };
    if (own === id) return placeIn(unit, i);
    if (typeof include === 'string' && id.startsWith(`${include}.`)) {
      const part = units.get(include);
      const found = part && find(units, part, id.slice(include.length + 1), depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** A lookup of step places by guide id and compiled step id. */
export function stepPlaces(
  files: readonly SourceFile[],
): (guideId: string, stepId: string) => StepPlaces | null {
  const units = unitsById(files);
  return (guideId, stepId) => {
    const unit = units.get(guideId);
    return unit ? find(units, unit, stepId, 0) : null;
  };
}
