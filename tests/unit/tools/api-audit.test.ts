import { describe, expect, it } from 'vitest';
import { auditApis } from '../../../tools/api-audit.mjs';

const CHROME_109 = { chrome: 109 };
const SET_METHODS =
  'Set.prototype.union/intersection/difference/symmetricDifference/isSubsetOf/isSupersetOf/isDisjointFrom';
const apis = (code: string, min: { chrome?: number; firefox?: number } = CHROME_109) =>
  auditApis(code, min).map((h) => h.api);

describe('auditApis', () => {
  it('finds unguarded calls to APIs newer than Chrome 109, however the owner is renamed', () => {
    expect(apis('const s=a.toSorted((x,y)=>x-y);')).toEqual([
      'Array.prototype.toSorted/toReversed/toSpliced',
    ]);
    expect(apis('let{promise:p,resolve:r}=Ge.withResolvers();')).toEqual(['Promise.withResolvers']);
    expect(apis('const g=Object.groupBy(xs,f),m=Map.groupBy(xs,f);')).toEqual([
      'Object.groupBy / Map.groupBy',
      'Object.groupBy / Map.groupBy',
    ]);
    expect(apis('n.union(o).isSubsetOf(q)')).toHaveLength(2);
    expect(apis('for(const v of m.values().filter(Boolean));Iterator.from(it)')).toEqual([
      'Iterator helpers',
      'Iterator helpers',
    ]);
    expect(apis('Promise.try(f);RegExp.escape(s);URL.parse(u);AbortSignal.any([a])')).toEqual([
      'AbortSignal.any',
      'URL.parse',
      'Promise.try',
      'RegExp.escape',
    ]);
    expect(apis('a.with(0,1)')).toEqual(['Array.prototype.with']);
  });

  it('accepts a call guarded by a feature test or an optional call', () => {
    // dexie 4's own guard, as it is in the bundle.
    expect(apis('Ge.withResolvers&&(P.withResolvers=Ge.withResolvers)')).toEqual([]);
    expect(apis('typeof a.toSorted=="function"?a.toSorted():[...a].sort()')).toEqual([]);
    expect(apis('const x=Object.groupBy?Object.groupBy(l,f):legacy(l,f)')).toEqual([]);
    expect(apis('if("withResolvers"in Promise)Promise.withResolvers()')).toEqual([]);
    expect(apis('s.union?.(t)')).toEqual([]);
  });

  it('accepts APIs Chrome 109 has, and similar names that are not the API', () => {
    const fine =
      'a.findLast(f);structuredClone(o);Object.hasOwn(o,"k");a.at(-1);' +
      'JSON.parse(s);escape(s);x.parse(s);Object.values(o).map(f);u.isErrorLike(e)';
    expect(apis(fine)).toEqual([]);
  });

  it('follows the declared minimum: a higher one allows more', () => {
    const code = 'Promise.withResolvers();a.toSorted();new Set().union(b)';
    expect(apis(code, { chrome: 122 })).toEqual([]);
    expect(apis(code, { chrome: 119 })).toEqual([SET_METHODS]);
    expect(apis(code, { chrome: 110 })).toEqual(['Promise.withResolvers', SET_METHODS]);
    expect(apis(code, { firefox: 142 })).toEqual([]);
    expect(apis(code, { firefox: 120 })).toEqual(['Promise.withResolvers', SET_METHODS]);
  });

  it('says where the call is', () => {
    const [hit] = auditApis('aaaa;b.toReversed();cccc', CHROME_109);
    expect(hit).toMatchObject({ text: '.toReversed(', since: 'Chrome 110, Firefox 115' });
    expect(hit!.context).toContain('b.toReversed();cccc');
  });
});
