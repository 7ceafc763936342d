/**
 * How a guide moves on, checked on its steps once the parts are included: every step but the
 * last says when it is finished, the last one says when the whole procedure is, and a `next`
 * never points at its own step. (A `next` to a missing step, an unreachable step and a target
 * that is one answer of a question are refused by the loader already.)
 */
import type { LoadedFile, Placed, UnitLayout } from '../compile';
import type { DataPath } from '../yaml-source';

export interface LogicProblem {
  file: LoadedFile;
  path: DataPath;
  message: string;
  atKey?: boolean;
}

/** A step ends without `done` only when the engine has another sign: a field, a button. */
function endsByItself(p: Placed): boolean {
  const { action, submit } = p.step;
  return action === 'fill' || (action === 'choose' && submit !== undefined);
}

export function checkLogic(units: readonly UnitLayout[]): LogicProblem[] {
  const out: LogicProblem[] = [];
  for (const unit of units) {
    if (unit.kind !== 'guide') continue;
    const { steps } = unit;
    steps.forEach((p, i) => {
      const last = i === steps.length - 1;
      // An included step is reported once, in its part, where it is fixed.
      const where = { file: p.file, path: p.path };
      const name = p.via ? `l’étape « ${p.step.id} » ` : 'l’étape ';
      if (p.step.next !== undefined && p.step.next === p.step.id) {
        out.push({
          ...where,
          path: [...p.path, 'next'],
          message: '« next » mène à l’étape elle-même : le guide tournerait en rond',
        });
      }
      if (!last && !p.step.done && !endsByItself(p)) {
        out.push({
          ...where,
          message: `le guide ne sait pas quand cette étape est finie : ajoutez « done: » avec l’adresse de la page qui vient après (« url: »), ou ce qui apparaît (« present: ») ou disparaît (« absent: ») — voir guides/README.md, « Comment le guide avance ». Un champ seul (fill), ou un choix avec « submit », n’en a pas besoin`,
        });
      }
      if (last && !p.step.on && !p.step.done) {
        out.push({
          file: unit.file,
          path: p.via ?? p.path,
          message: `${name}est la dernière : elle doit dire quand la démarche est finie, avec un « on » (la page de fin) ou un « done »`,
        });
      }
    });
  }
  return out;
}
