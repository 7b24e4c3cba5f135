import type { CommandSpec } from './spec.js';
import { endDebate, startDebate, strongestCase } from '../engines/debate.js';
import { replyToDebate } from '../engines/debate-reply.js';
import { ownRecap } from '../engines/debate-recap.js';
import { exportReply } from '../results/export.js';
import { exportOptions } from './export-options.js';
import { str } from './options.js';
import { MAX_USER_TEXT } from '../reply.js';
import { classDebateSubcommands } from './class-debate.js';

const SIDES = [{ name: 'for', value: 'for' }, { name: 'against', value: 'against' }] as const;

export const debateCommand: CommandSpec = {
  name: 'debate',
  description: 'Debate a motion the article raises',
  subcommands: [
    {
      name: 'start',
      description: 'Start a debate: the bot argues one side, you the other',
      options: [
        { name: 'motion', description: 'The motion to debate', type: 'string', autocomplete: 'motion' },
        { name: 'side', description: 'The side the bot argues', type: 'string', choices: SIDES },
      ],
      // Debates name their debater by id only: the name the platform shows is kept beside it for the
      // teacher's transcripts, written with the debate (openDebate) and with each reply's lookup.
      handler: async (ctx) => [await startDebate(ctx.services, ctx, ctx.user, { motion: str(ctx, 'motion'), side: str(ctx, 'side') })],
    },
    {
      name: 'reply',
      description: 'Answer the bot with your argument',
      options: [{ name: 'text', description: 'Your argument', type: 'string', required: true, maxLength: MAX_USER_TEXT, multiline: true, rest: true }],
      handler: async (ctx) => replyToDebate(ctx.services, ctx, ctx.user, str(ctx, 'text') ?? ''),
    },
    {
      name: 'end',
      description: 'End your debate and get the recap',
      options: [],
      handler: async (ctx) => [await endDebate(ctx.services, ctx, ctx.user.id)],
    },
    {
      name: 'case',
      description: 'The strongest case for one side, in one reply',
      options: [
        { name: 'side', description: 'Which side', type: 'string', required: true, choices: SIDES },
        { name: 'motion', description: 'The motion', type: 'string', autocomplete: 'motion' },
      ],
      handler: async (ctx) => [strongestCase(ctx.services, str(ctx, 'side') === 'for' ? 'for' : 'against', str(ctx, 'motion'))],
    },
    {
      name: 'recap',
      description: 'The recap of your last debate again, for your eyes only',
      options: [],
      handler: async (ctx) => [await ownRecap(ctx.services, ctx, ctx.user.id)],
    },
    {
      name: 'transcripts',
      description: 'Every debate’s turns and the points made, as a CSV file',
      adminOnly: true,
      options: exportOptions,
      handler: async (ctx) => [await exportReply(ctx, 'debates')],
    },
    ...classDebateSubcommands,
  ],
};
