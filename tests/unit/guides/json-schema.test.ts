import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guidesJsonSchema } from '../../../core/guides/schema';

type Json = Record<string, unknown>;

describe('guidesJsonSchema', () => {
  const schema = guidesJsonSchema() as Json & { definitions: Record<string, Json> };

  it('is a JSON Schema with a step definition that lists every step key', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const step = schema.definitions.step as {
      properties: Json;
      required: string[];
      additionalProperties: boolean;
    };
    expect(Object.keys(step.properties)).toEqual([
      'id', 'title', 'text', 'action', 'on', 'optional', 'target', 'submit', 'callout', 'done', 'next',
      'aidant', 'evidence',
    ]); // prettier-ignore
    expect(step.required).toEqual(['id', 'title', 'text']);
    expect(step.additionalProperties).toBe(false);
    expect(step.properties.action).toMatchObject({
      enum: ['click', 'fill', 'choose', 'read'],
      default: 'click',
    });
  });

  it('has French help on the main fields', () => {
    const step = schema.definitions.step as {
      properties: Record<string, { description?: string }>;
    };
    expect(step.properties.text?.description).toMatch(/mots simples/);
    expect(schema.definitions['locator-target']?.description).toMatch(/Élément de la page/);
    expect((schema.definitions['aria-role'] as { enum: string[] }).enum).toContain('button');
  });

  it('accepts guides, parts and translations', () => {
    const kinds = (schema.anyOf as Json[]).map((s) => s.description);
    expect(kinds).toEqual([
      'Guide : une démarche pas à pas',
      'Partie : des étapes réutilisées par plusieurs guides',
      'Traduction : <id>.<langue>.yaml, textes seulement',
    ]);
  });

  it('matches guides/schema.json (run npm run guides:schema after changing the schema)', () => {
    const written = JSON.parse(readFileSync('guides/schema.json', 'utf8')) as unknown;
    expect(written).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
