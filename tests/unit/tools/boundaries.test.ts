/**
 * The import boundaries (.dependency-cruiser.cjs) hold through chains of modules: a small tree
 * laid out like the project is checked with the project's own rules.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const CRUISER = path.join(ROOT, 'node_modules/.bin/depcruise');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** Writes the files into a fresh folder and runs the project's rules on it. */
function cruise(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pap-bounds-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'tsconfig.json'), '{"compilerOptions":{"allowJs":true}}');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const r = spawnSync(
    CRUISER,
    ['entrypoints', 'core', 'components', 'hooks', 'tools', '--config', CONFIG],
    {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const clean = {
  'entrypoints/page.content/index.ts': "import { a } from '../../core/locate/a';\nvoid a;\n",
  'core/locate/a.ts': "import { b } from '../text/b';\nexport const a = b;\n",
  'core/text/b.ts': 'export const b = 1;\n',
  'core/progress/db.ts': 'export const db = 1;\n',
  'components/View.tsx': 'export const View = 1;\n',
  'hooks/use-x.ts': 'export const useX = 1;\n',
  'tools/cli.ts': "import { db } from '../core/progress/db';\nvoid db;\n",
};

// Each case starts the cruiser in a new process: seconds on a busy machine.
describe('import boundaries', { timeout: 60_000 }, () => {
  it('a tree that keeps them passes', () => {
    const r = cruise(clean);
    expect(r.out).toContain('no dependency violations');
    expect(r.code).toBe(0);
  });

  it('the in-page script reaching the progress database through two modules fails', () => {
    const r = cruise({
      ...clean,
      'core/text/b.ts': "import { db } from '../progress/db';\nexport const b = db;\n",
    });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('in-page-no-storage');
    expect(r.out).toMatch(
      /core\/locate\/a\.ts[\s\S]*core\/text\/b\.ts[\s\S]*core\/progress\/db\.ts/,
    );
  });

  it('the in-page script reaching extension-page code through core fails', () => {
    const r = cruise({
      ...clean,
      'core/text/b.ts': "import { View } from '../../components/View';\nexport const b = View;\n",
    });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('in-page-no-extension-pages');
    expect(r.out).toContain('core-no-ui');
  });

  it('runtime code reaching a build-time tool fails', () => {
    const r = cruise({
      ...clean,
      'core/text/b.ts': "import '../../tools/cli';\nexport const b = 1;\n",
    });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('runtime-no-build-tools');
  });
});
