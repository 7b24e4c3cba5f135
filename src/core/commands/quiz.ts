import type { CommandSpec, OptionSpec } from './spec.js';
import { MAX_QUESTIONS, startQuiz, stopQuiz } from '../engines/quiz.js';
import { confirmNewSeason, leaderboard } from '../engines/leaderboard.js';
import { exportReply } from '../results/export.js';
import { QUIZ_CHANNEL_SECONDS_RANGE } from '../settings-ranges.js';
import { exportOptions } from './export-options.js';
import { int, str } from './options.js';

const MODES = [{ name: 'solo', value: 'solo' }, { name: 'channel', value: 'channel' }] as const;

const modeToStop: OptionSpec = {
  name: 'mode', description: 'Which quiz: your solo quiz (default when you have one) or the channel quiz', type: 'string', choices: MODES,
};

export const quizCommand: CommandSpec = {
  name: 'quiz',
  description: 'A quiz on the article, with scores that persist',
  defaultSubcommand: 'start',
  subcommands: [
    {
      name: 'start',
      description: 'Start a quiz: solo (only you see it) or for the whole channel',
      options: [
        { name: 'questions', description: `How many questions (1–${MAX_QUESTIONS}, default 5)`, type: 'integer', minValue: 1, maxValue: MAX_QUESTIONS },
        {
          name: 'mode', description: 'solo: only you see and answer it; channel: everyone answers against the clock', type: 'string',
          choices: MODES,
        },
        {
          name: 'seconds', description: `Channel quiz, admins: seconds per question (${QUIZ_CHANNEL_SECONDS_RANGE.min}–${QUIZ_CHANNEL_SECONDS_RANGE.max})`,
          type: 'integer', minValue: QUIZ_CHANNEL_SECONDS_RANGE.min, maxValue: QUIZ_CHANNEL_SECONDS_RANGE.max, namedOnly: true,
        },
        {
          name: 'reveal', description: 'Channel quiz, admins: show answers after each question (each) or all at the end (end)', type: 'string',
          choices: [{ name: 'each', value: 'each' }, { name: 'end', value: 'end' }], namedOnly: true,
        },
      ],
      handler: async (ctx) => [await startQuiz(ctx.services, ctx, ctx, {
        questions: int(ctx, 'questions'), mode: str(ctx, 'mode'), seconds: int(ctx, 'seconds'), reveal: str(ctx, 'reveal'),
      })],
    },
    {
      name: 'stop',
      description: 'Stop your solo quiz, or the channel quiz',
      options: [modeToStop],
      handler: async (ctx) => [await stopQuiz(ctx.services, ctx, ctx, str(ctx, 'mode'))],
    },
    {
      name: 'leaderboard',
      description: 'Points, questions answered and accuracy, for this channel or the whole server',
      options: [
        {
          name: 'scope', description: 'server (default; the workspace on Slack) or channel', type: 'string',
          choices: [{ name: 'server', value: 'server' }, { name: 'channel', value: 'channel' }],
        },
        {
          name: 'period', description: 'week (default), month or all of the season', type: 'string',
          choices: [{ name: 'week', value: 'week' }, { name: 'month', value: 'month' }, { name: 'all', value: 'all' }],
        },
        { name: 'season', description: 'An earlier season’s number (default: the current season)', type: 'integer', minValue: 1, maxValue: 1000 },
      ],
      handler: async (ctx) => [await leaderboard(ctx.services, ctx, { scope: str(ctx, 'scope'), period: str(ctx, 'period'), season: int(ctx, 'season') })],
    },
    {
      name: 'season',
      description: 'Start a new quiz season: the leaderboard starts from zero (asks first)',
      adminOnly: true,
      options: [],
      handler: async (ctx) => [await confirmNewSeason(ctx.services, ctx)],
    },
    {
      name: 'export',
      description: 'Quiz scores per person and question, as a CSV file',
      adminOnly: true,
      options: exportOptions,
      handler: async (ctx) => [await exportReply(ctx, 'quiz')],
    },
  ],
};
