/** Modules generated at build time from guides/ by tools/guides/vite-plugin.ts. */
declare module 'virtual:pap-guides' {
  const guides: import('./types').Guide[];
  export default guides;
}

declare module 'virtual:pap-glossary' {
  const terms: import('../glossary/types').GlossaryTerm[];
  export default terms;
}

declare module 'virtual:pap-parts' {
  /** The bundled part files (`kind: part`, French), as written: for the authoring preview. */
  const parts: import('./load').SourceFile[];
  export default parts;
}
