import type { CommandSpec } from './spec.js';
import { listKeyPoints, showKeyPoint } from '../engines/keypoints.js';
import { str } from './options.js';
import { keypointsMapSubcommand } from './keypoints-map.js';

export const keypointsCommand: CommandSpec = {
  name: 'keypoints',
  description: 'Quote a key point of the article, with its paragraph',
  defaultSubcommand: 'show',
  subcommands: [
    {
      name: 'show',
      description: 'Show a key point, or the one that best fits a topic',
      options: [
        { name: 'topic', description: 'What the point should be about', type: 'string', autocomplete: 'topic', maxLength: 200, rest: true },
        { name: 'motion', description: 'Only points of this motion', type: 'string', autocomplete: 'motion' },
      ],
      handler: async (ctx) => [await showKeyPoint(ctx.services, ctx, { topic: str(ctx, 'topic'), motion: str(ctx, 'motion') })],
    },
    {
      name: 'list',
      description: 'List every point of a motion, briefly',
      options: [{ name: 'motion', description: 'The motion (all motions if left out)', type: 'string', autocomplete: 'motion', rest: true }],
      handler: async (ctx) => listKeyPoints(ctx.services, str(ctx, 'motion')),
    },
    keypointsMapSubcommand,
  ],
};
