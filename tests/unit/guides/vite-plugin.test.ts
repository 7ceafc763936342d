import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { papData } from '../../../tools/guides/vite-plugin';
import { guideLines } from './helpers';

const made: string[] = [];

function root(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pap-vite-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'guides', name)), { recursive: true });
    writeFileSync(path.join(dir, 'guides', name), text);
  }
  return dir;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

type Fn = (this: unknown, ...args: unknown[]) => unknown;

/** Runs the plugin's hooks the way Vite does, for one module id. */
async function build(dir: string, id: string): Promise<{ code: string; watched: string[] }> {
  const plugin = papData();
  (plugin.configResolved as Fn).call({}, { root: dir });
  const resolved = (plugin.resolveId as Fn).call({}, id, undefined, {});
  const watched: string[] = [];
  const ctx = { addWatchFile: (f: string) => watched.push(f) };
  const code = (await (plugin.load as Fn).call(ctx, resolved)) as string;
  return { code, watched };
}

describe('papData vite plugin', () => {
  it('serves the compiled guides and watches the files', async () => {
    const dir = root({ 'caf/caf-essai.yaml': guideLines() });
    const { code, watched } = await build(dir, 'virtual:pap-guides');
    expect(code.startsWith('export default ')).toBe(true);
    const guides = JSON.parse(code.slice('export default '.length).replace(/;\s*$/, '')) as {
      id: string;
    }[];
    expect(guides.map((g) => g.id)).toEqual(['caf-essai']);
    expect(watched).toContain(path.join(dir, 'guides', 'caf', 'caf-essai.yaml'));
  });

  it('serves an empty glossary when there are no glossary files', async () => {
    const dir = root({ 'caf/caf-essai.yaml': guideLines() });
    const { code } = await build(dir, 'virtual:pap-glossary');
    expect(code.trim()).toBe('export default [];');
  });

  it('ignores other modules', () => {
    const plugin = papData();
    expect((plugin.resolveId as Fn).call({}, 'virtual:other', undefined, {})).toBeNull();
  });

  it('fails the build with file:line:col lines', async () => {
    const dir = root({ 'caf/caf-essai.yaml': guideLines({ 2: 'site: cafe' }) });
    await expect(build(dir, 'virtual:pap-guides')).rejects.toThrow(
      `caf/caf-essai.yaml:2:7 site inconnu « cafe »`,
    );
  });
});
