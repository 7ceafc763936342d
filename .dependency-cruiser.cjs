/**
 * The project's boundaries, checked on the whole import graph (directly or through any chain
 * of modules): `npm run lint:deps`, part of `npm run lint`.
 */

/**
 * What runs inside the site's page: the content script, the authoring script injected on
 * request, and everything they reach.
 */
const IN_PAGE = '^entrypoints/([^/]+\\.content/|author-tools\\.ts$)';
/** Code that ships in the extension (as opposed to build-time tools and tests). */
const RUNTIME = '^(entrypoints|core|components|hooks)/';

module.exports = {
  forbidden: [
    {
      name: 'in-page-no-storage',
      comment:
        'The in-page script runs in the site’s origin: IndexedDB opened there belongs to the ' +
        'site. Progress is read and written by the background only; send a message instead.',
      severity: 'error',
      from: { path: IN_PAGE },
      to: {
        path: ['^core/progress/(db|repo|transfer|service)\\.ts$', 'node_modules/dexie/'],
        reachable: true,
      },
    },
    {
      name: 'in-page-no-extension-pages',
      comment:
        'The in-page script stays small and framework-free: no React, no i18next, nothing of ' +
        'the extension pages (components/, hooks/) or of the background.',
      severity: 'error',
      from: { path: IN_PAGE },
      to: {
        path: [
          '^components/',
          '^hooks/',
          '^core/background/',
          '^entrypoints/(?![^/]+\\.content/|author-tools\\.ts$)',
          'node_modules/(react|react-dom|react-i18next|i18next|scheduler)/',
        ],
        reachable: true,
      },
    },
    {
      name: 'core-no-ui',
      comment: 'core/ is plain TypeScript: it never imports UI (React, components, hooks, pages).',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        path: [
          '^components/',
          '^hooks/',
          '^entrypoints/',
          'node_modules/(react|react-dom|react-i18next|i18next)/',
        ],
        reachable: true,
      },
    },
    {
      name: 'page-script-no-authoring',
      comment:
        'The always-loaded content script keeps its size budget: the authoring kit is a ' +
        'separate script, injected only when the author asks.',
      severity: 'error',
      from: { path: '^entrypoints/[^/]+\\.content/' },
      to: { path: '^core/authoring/(?!types\\.ts$)', reachable: true },
    },
    {
      name: 'authoring-core-in-page-light',
      comment:
        'The authoring tools that run in the page (core/authoring/in-page.ts) check nothing ' +
        'with the full zod schema of guides:check and open no database.',
      severity: 'error',
      from: { path: '^core/authoring/(in-page|locator)\\.ts$' },
      to: {
        path: [
          '^core/guides/(schema|load|compile)\\.ts$',
          '^core/progress/',
          'node_modules/(dexie|zod)/(?!mini)',
        ],
        reachable: true,
      },
    },
    {
      name: 'runtime-no-build-tools',
      comment:
        'Build-time tools (tools/: guide CLI, Vite plugin, file loaders) and tests stay out of ' +
        'what ships in the extension.',
      severity: 'error',
      from: { path: RUNTIME },
      to: { path: ['^tools/', '^tests/'], reachable: true },
    },
    {
      name: 'runtime-no-node',
      comment: 'Node built-ins do not exist in the browser.',
      severity: 'error',
      from: { path: RUNTIME },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other in a loop are hard to read and to load.',
      severity: 'error',
      from: { path: RUNTIME },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|node_modules|tests/fixtures)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
