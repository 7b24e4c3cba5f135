import type { CommandSpec, SubcommandSpec } from './spec.js';
import { promptNow } from '../engines/prompts.js';
import { scheduleSubcommands } from '../../schedule/commands.js';

const now: SubcommandSpec = {
  name: 'now',
  description: 'Post a discussion prompt about the article',
  options: [],
  handler: async (ctx) => [await promptNow(ctx.services, ctx)],
};

export const promptCommand: CommandSpec = {
  name: 'prompt',
  description: 'Discussion prompts about the article, now or on a schedule',
  defaultSubcommand: 'now',
  subcommands: [now, ...scheduleSubcommands],
};
