import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/**
 * The fonts the map is drawn in come from an npm package, not the machine: a server without fonts
 * installed draws the same picture, and no system font can change it.
 */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf']
  .map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

/** Renders an SVG document (the argument map) to PNG bytes at its own size. */
export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
