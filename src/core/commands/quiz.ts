import type { CommandSpec } from './spec.js';
import { leaderboard, startQuiz, stopQuiz } from '../engines/quiz.js';
import { int, str } from './options.js';

export const quizCommand: CommandSpec = {
  name: 'quiz',
  description: 'A quiz on the article, with scores that persist',
  defaultSubcommand: 'start',
  subcommands: [
    {
      name: 'start',
      description: 'Start a quiz in this channel',
      options: [
        { name: 'questions', description: 'How many questions (1–25, default 5)', type: 'integer', minValue: 1, maxValue: 25 },
        {
          name: 'mode', description: 'solo: only you answer; channel: everyone answers against the clock', type: 'string',
          choices: [{ name: 'solo', value: 'solo' }, { name: 'channel', value: 'channel' }],
        },
      ],
      handler: async (ctx) => [await startQuiz(ctx.services, ctx, ctx.user, { questions: int(ctx, 'questions'), mode: str(ctx, 'mode') })],
    },
    {
      name: 'stop',
      description: 'Stop the quiz running in this channel',
      options: [],
      handler: async (ctx) => [await stopQuiz(ctx.services, ctx, ctx.user, ctx.isAdmin)],
    },
    {
      name: 'leaderboard',
      description: 'Top scores in this server or workspace',
      options: [{
        name: 'period', description: 'week (default) or all', type: 'string',
        choices: [{ name: 'week', value: 'week' }, { name: 'all', value: 'all' }],
      }],
      handler: async (ctx) => [await leaderboard(ctx.services, ctx, str(ctx, 'period'))],
    },
  ],
};
