import type { SubcommandSpec } from './spec.js';
import { str } from './options.js';
import { notice, reply } from '../reply.js';
import { buildArgumentMap } from '../map/model.js';
import { mapAttachment } from '../map/attachment.js';

/** `/keypoints map [motion]`: the argument map of a motion, outside any debate. */
export const keypointsMapSubcommand: SubcommandSpec = {
  name: 'map',
  description: 'The argument map of a motion: its points and what answers what, as a picture',
  options: [{ name: 'motion', description: 'The motion (the class debate’s, else the first)', type: 'string', autocomplete: 'motion', rest: true }],
  handler: async (ctx) => {
    const { pack, store } = ctx.services;
    const asked = str(ctx, 'motion');
    const motionId = asked ?? (await store.runningClassDebate(ctx))?.motionId ?? pack.motions[0]?.id;
    const map = motionId ? buildArgumentMap(pack, motionId) : null;
    if (!map) return [notice(`There is no motion “${asked}”. Motions: ${pack.motions.map((m) => m.id).join(', ')}.`)];
    const points = map.points.for.length + map.points.against.length;
    return [reply([
      { type: 'heading', text: `Argument map — ${map.motion.title}` },
      { type: 'text', text: `Motion: ${map.motion.statement}\n${points} points, ${map.edges.length} answers: each arrow runs from a counterpoint to the point it answers. Author points show the paragraphs they quote; editorial ones are labelled.` },
    ], { attachments: [await mapAttachment(ctx.services, map, `argument-map-${map.motion.id}`)] })];
  },
};
