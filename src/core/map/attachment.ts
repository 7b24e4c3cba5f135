import type { Services } from '../context.js';
import type { FileAttachment } from '../reply.js';
import type { ArgumentMap } from './model.js';
import { mapSvg } from './svg.js';
import { mapText } from './text.js';

/**
 * The map as a file for a reply: a PNG when the services can draw one, else the SVG itself (a
 * renderer that fails is logged, and the map still goes out). The text rendering rides along.
 */
export async function mapAttachment(services: Services, map: ArgumentMap, name: string): Promise<FileAttachment> {
  const svg = mapSvg(map);
  const description = `Argument map: ${map.motion.statement}`;
  const text = mapText(map);
  if (services.renderPng) {
    try {
      return { name: `${name}.png`, mediaType: 'image/png', content: await services.renderPng(svg), description, text };
    } catch (err) {
      services.logger.error({ err, motion: map.motion.id }, 'could not draw the argument map as a PNG; sending its SVG');
    }
  }
  return { name: `${name}.svg`, mediaType: 'image/svg+xml', content: svg, description, text };
}
