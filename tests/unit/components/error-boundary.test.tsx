import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelApp, type PanelData } from '../../../components/PanelApp';
import { renderPage, stubSend } from './helpers';

let broken = true;
let mounts = 0;

/** Fails to draw while `broken` is set; counts its fresh starts. */
function Flaky() {
  const [mountedAs] = useState(() => ++mounts);
  if (broken) throw new Error('cannot draw');
  return <p data-testid="flaky">Ça marche (départ {mountedAs})</p>;
}

beforeEach(() => {
  broken = true;
  mounts = 0;
  // React reports caught render errors on the console; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a page that fails to draw', () => {
  it('shows a calm message and « Recommencer », which draws the page again', async () => {
    renderPage(<Flaky />, stubSend({}).send);
    const crash = screen.getByTestId('crash');
    expect(crash.getAttribute('role')).toBe('alert');
    expect(screen.getByRole('heading').textContent).toBe('Quelque chose s’est mal passé');
    expect(crash.textContent).toContain('Ce n’est pas de votre faute.');
    const restart = screen.getByRole('button', { name: 'Recommencer' });
    expect(screen.queryByTestId('flaky')).toBeNull();

    // Still broken: the message stays.
    await act(async () => void fireEvent.click(restart));
    expect(screen.getByTestId('crash')).toBeTruthy();

    broken = false;
    const before = mounts;
    await act(async () => void fireEvent.click(screen.getByTestId('crash-restart')));
    expect(screen.queryByTestId('crash')).toBeNull();
    // Drawn from scratch, not a state kept from before.
    expect(screen.getByTestId('flaky').textContent).toBe(`Ça marche (départ ${before + 1})`);
  });

  it('speaks the person’s language', () => {
    renderPage(<Flaky />, stubSend({}).send, { lang: 'ar' });
    expect(screen.getByRole('button').textContent).toBe('ابدأ من جديد');
    cleanup();
    renderPage(<Flaky />, stubSend({}).send, { lang: 'en' });
    expect(screen.getByRole('button').textContent).toBe('Start again');
  });

  it('keeps the side panel from going blank', () => {
    const { send } = stubSend({});
    // Damaged guide data: the panel cannot draw its list.
    const data = { guides: null, glossary: [] } as unknown as PanelData;
    const { container } = render(<PanelApp data={data} send={send} />);
    expect(container.textContent).not.toBe('');
    expect(screen.getByTestId('crash').textContent).toContain('Quelque chose s’est mal passé');
    expect(screen.getByRole('button', { name: 'Recommencer' })).toBeTruthy();
  });
});
