import type { CommandSpec, SubcommandSpec } from './spec.js';
import { promptNow } from '../engines/prompts.js';
import { exportReply } from '../results/export.js';
import { scheduleSubcommands } from './schedule.js';
import { exportOptions } from './export-options.js';

const now: SubcommandSpec = {
  name: 'now',
  description: 'Post a discussion prompt about the article',
  options: [],
  handler: async (ctx) => [await promptNow(ctx.services, ctx)],
};

const results: SubcommandSpec = {
  name: 'results',
  description: 'Votes per prompt, as a CSV file',
  adminOnly: true,
  options: exportOptions,
  handler: async (ctx) => [await exportReply(ctx, 'votes')],
};

export const promptCommand: CommandSpec = {
  name: 'prompt',
  description: 'Discussion prompts about the article, now or on a schedule',
  defaultSubcommand: 'now',
  subcommands: [now, ...scheduleSubcommands, results],
};
