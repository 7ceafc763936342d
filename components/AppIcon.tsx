import { createElement } from 'react';
import { ICON_SHAPES, ICON_VIEWBOX } from '../core/brand/icon';

/** React wants camelCase for the SVG attributes that have a dash. */
const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** Our icon, beside the name: decorative, the name says who we are. */
export function AppIcon({ size = 28 }: { size?: number }) {
  return (
    <svg
      className="app-icon"
      viewBox={ICON_VIEWBOX}
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      data-testid="app-icon"
    >
      {ICON_SHAPES.map(({ tag, attrs, attrsStroke }, i) =>
        createElement(tag, {
          key: i,
          ...Object.fromEntries(
            Object.entries({ ...attrs, ...attrsStroke }).map(([k, v]) => [camel(k), v]),
          ),
        }),
      )}
    </svg>
  );
}
