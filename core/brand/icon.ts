/**
 * The Pas à pas icon as data (the same drawing as assets/icon.svg): the panel and the pages
 * draw it inline, and the in-page script may too (it builds the shapes itself, no markup).
 */
export const ICON_VIEWBOX = '0 0 128 128';

export const ICON_SHAPES = [
  {
    tag: 'rect',
    attrs: { x: 4, y: 4, width: 120, height: 120, rx: 26, fill: '#17613f' },
    attrsStroke: { stroke: '#eaf6ee', 'stroke-width': 6 },
  },
  {
    tag: 'path',
    attrs: { d: 'M18 104H42V80H66V56H90V32H112', fill: 'none', stroke: '#ffffff' },
    attrsStroke: { 'stroke-width': 14 },
  },
  { tag: 'circle', attrs: { cx: 52, cy: 59, r: 11, fill: '#ffd23f' }, attrsStroke: {} },
] as const;
