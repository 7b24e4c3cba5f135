import { describe, expect, it } from 'vitest';
import { buildArgumentMap } from '../../src/core/map/model.js';
import { layOut } from '../../src/core/map/layout.js';
import { mapSvg } from '../../src/core/map/svg.js';
import { svgToPng } from '../../src/images/svg-to-png.js';
import { shippedPack } from '../support/core.js';

const { pack } = await shippedPack();
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which a PNG always starts with. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('svgToPng', () => {
  it.each(pack.motions.map((m) => m.id))('draws the map of %s as a PNG at the layout’s size', (motion) => {
    const map = buildArgumentMap(pack, motion)!;
    const png = svgToPng(mapSvg(map));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const layout = layOut(map);
    expect(pngSize(png)).toEqual({ width: layout.width, height: Math.round(layout.height) });
    // Text drawn in the packaged font makes a picture of some size; an empty canvas compresses to a few KB.
    expect(png.length).toBeGreaterThan(60_000);
    expect(png.length).toBeLessThan(2_000_000);
  });

  it('draws text: the same map without its words is much smaller', () => {
    const svg = mapSvg(buildArgumentMap(pack, 'de-facto-member')!);
    const withoutText = svg.replace(/<text[^>]*>[^<]*<\/text>/g, '');
    expect(svgToPng(svg).length).toBeGreaterThan(2 * svgToPng(withoutText).length);
  });

  it('refuses markup that is not SVG', () => {
    expect(() => svgToPng('<svg><rect')).toThrow();
  });
});
