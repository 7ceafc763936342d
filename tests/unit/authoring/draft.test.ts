import { describe, expect, it } from 'vitest';
import { draftId, draftYaml, type Recording } from '../../../core/authoring/draft';
import { loadGuides } from '../../../core/guides/load';

const LOGIN = 'connect.caf.fr/connexionappli/dist/#/login';
const BOARD = 'wwwd.caf.fr/wps/myportal/caffr/moncompte/tableaudebord*';

const recording: Recording = {
  tabId: 3,
  site: 'caf',
  startPage: LOGIN,
  lastPage: BOARD,
  actions: [
    {
      kind: 'click',
      target: [{ role: 'button', name: 'Se connecter' }],
      name: 'Se connecter',
      page: LOGIN,
      appeared: false,
    },
    {
      kind: 'fill',
      target: [{ label: 'Numéro de sécurité sociale' }],
      name: 'Numéro de sécurité sociale',
      page: LOGIN,
      appeared: true,
    },
    {
      kind: 'fill',
      target: [{ label: 'Mot de passe' }],
      name: 'Mot de passe',
      page: LOGIN,
      appeared: true,
    },
    {
      kind: 'click',
      target: [{ css: '#form-connexion > button' }],
      name: 'Se connecter',
      page: LOGIN,
      appeared: true,
    },
  ],
};

describe('draftYaml', () => {
  const text = draftYaml(recording, new Date('2026-12-06T10:00:00Z'));
  const checked = loadGuides([{ path: `caf/${draftId('caf')}.yaml`, text }]);

  it('passes the guide checks as it stands', () => {
    expect(checked.diagnostics).toEqual([]);
    expect(checked.guides).toHaveLength(1);
  });

  it('has one step per action, titled by what a person reads, then an end', () => {
    const steps = checked.guides[0]!.steps;
    expect(steps.map((s) => s.title)).toEqual([
      'Cliquez sur « Se connecter »',
      'Remplissez « Numéro de sécurité sociale »',
      'Remplissez « Mot de passe »',
      'Cliquez sur « Se connecter »',
      'C’est terminé',
    ]);
    expect(steps.map((s) => s.action)).toEqual(['click', 'fill', 'fill', 'click', 'read']);
    expect(steps[0]!.on).toEqual({ url: [LOGIN] });
  });

  it('says when each step is done from what happened next', () => {
    const steps = checked.guides[0]!.steps;
    // The click brought the number field: done when it is there.
    expect(steps[0]!.done).toEqual({ present: [{ label: 'Numéro de sécurité sociale' }] });
    // Fields are done once filled in and left.
    expect(steps[1]!.done).toBeUndefined();
    // The last click led to another address.
    expect(steps[3]!.done).toEqual({ url: [BOARD] });
    expect(steps[4]!.on).toEqual({ url: [BOARD] });
    expect(checked.guides[0]!.start).toBe('https://connect.caf.fr/connexionappli/dist/#/login');
  });
});
