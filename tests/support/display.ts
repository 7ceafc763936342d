/**
 * A screen for headed Chromium, which alone shows the real side panel. With DISPLAY set (a
 * desktop, or a run under xvfb-run) that screen is used; otherwise a private Xvfb is started on
 * a free display number, reachable only with its own access cookie, and stopped afterwards. So
 * `npm test` works the same on a machine with no screen at all (Debian packages xvfb and xauth,
 * installed by tools/setup.sh).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Display {
  /** Variables to give the browser (DISPLAY, XAUTHORITY). */
  env: Record<string, string>;
  close(): Promise<void>;
}

const MISSING = 'Xvfb and xauth are needed for the side panel test: run `bash tools/setup.sh`.';

export async function openDisplay(): Promise<Display> {
  if (process.env.DISPLAY) {
    const env: Record<string, string> = { DISPLAY: process.env.DISPLAY };
    if (process.env.XAUTHORITY) env.XAUTHORITY = process.env.XAUTHORITY;
    return { env, close: async () => undefined };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'pap-xvfb-'));
  const authFile = path.join(dir, 'Xauthority');
  const cookie = randomBytes(16).toString('hex');
  const xauth = (display: string) => {
    try {
      execFileSync('xauth', ['-q', '-f', authFile, 'add', display, '.', cookie], {
        stdio: 'ignore',
      });
    } catch {
      throw new Error(MISSING);
    }
  };
  // The server takes every cookie of the file whatever its display number; the number it will
  // use is only known once it has started.
  xauth(':0');
  const server = spawn(
    'Xvfb',
    // -displayfd: pick a free display and write its number on fd 3 once ready.
    // -terminate: end when the last client (the browser) goes, should we be killed first.
    [
      '-displayfd',
      '3',
      '-auth',
      authFile,
      '-nolisten',
      'tcp',
      '-screen',
      '0',
      '1280x900x24',
      '-terminate',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  let number: string;
  try {
    number = await displayNumber(server);
  } catch (err) {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const display = `:${number}`;
  xauth(display);
  return {
    env: { DISPLAY: display, XAUTHORITY: authFile },
    close: async () => {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function displayNumber(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    server.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    server.stdio[3]!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new Error(MISSING) : e),
    );
    server.once('exit', (code) => reject(new Error(`Xvfb stopped (${code}): ${err.trim()}`)));
  });
}
