import type { SubcommandSpec } from './spec.js';
import { int, str } from './options.js';
import { MAX_USER_TEXT } from '../reply.js';
import { openClassDebate, joinSide, setAccess } from '../engines/class-debate/lobby.js';
import { beginClassDebate, cancelClassDebate, closeClassDebate, showBoard } from '../engines/class-debate/chair.js';
import { sayArgument } from '../engines/class-debate/speak.js';

const SIDES = [{ name: 'for', value: 'for' }, { name: 'against', value: 'against' }] as const;

/** The class debate's subcommands of /debate: a channel debates itself, the bot chairs. */
export const classDebateSubcommands: readonly SubcommandSpec[] = [
  {
    name: 'open',
    description: 'Open a class debate in this channel: two sides, a vote before and after',
    options: [
      { name: 'motion', description: 'The motion to debate', type: 'string', autocomplete: 'motion' },
      {
        name: 'format', description: 'open: speak any time; rounds: opening, rebuttal, closing by turns', type: 'string',
        choices: [{ name: 'open', value: 'open' }, { name: 'rounds', value: 'rounds' }],
      },
      { name: 'minutes', description: 'Minutes per round (rounds format, default 3)', type: 'integer', minValue: 1, maxValue: 30 },
      { name: 'cap', description: 'At most this many arguments per person per round', type: 'integer', minValue: 1, maxValue: 20 },
    ],
    handler: async (ctx) => [await openClassDebate(ctx, {
      motion: str(ctx, 'motion'), format: str(ctx, 'format'), minutes: int(ctx, 'minutes'), cap: int(ctx, 'cap'),
    })],
  },
  {
    name: 'join',
    description: 'Join a side of the class debate (switching is allowed until it begins)',
    options: [{ name: 'side', description: 'Which side', type: 'string', required: true, choices: SIDES }],
    handler: async (ctx) => joinSide(ctx, str(ctx, 'side') === 'against' ? 'against' : 'for'),
  },
  {
    name: 'begin',
    description: 'Begin the class debate (its chair or an admin)',
    options: [],
    handler: async (ctx) => [await beginClassDebate(ctx)],
  },
  {
    name: 'say',
    description: 'Make an argument in the class debate, for your side',
    options: [{ name: 'argument', description: 'Your argument', type: 'string', required: true, maxLength: MAX_USER_TEXT, multiline: true, rest: true }],
    handler: async (ctx) => sayArgument(ctx, str(ctx, 'argument') ?? ''),
  },
  {
    name: 'board',
    description: 'The class debate’s scoreboard: points made, answered, unanswered',
    options: [],
    handler: async (ctx) => [await showBoard(ctx)],
  },
  {
    name: 'close',
    description: 'Close the class debate: the closing vote, then the recap and the map',
    options: [],
    handler: async (ctx) => [await closeClassDebate(ctx)],
  },
  {
    name: 'cancel',
    description: 'Cancel the class debate without a recap (its chair or an admin)',
    options: [],
    handler: async (ctx) => [await cancelClassDebate(ctx)],
  },
  {
    name: 'access',
    description: 'Who may open class debates in this server: admins, or everyone',
    adminOnly: true,
    options: [{
      name: 'who', description: 'admins (default) or everyone', type: 'string', required: true,
      choices: [{ name: 'admins', value: 'admins' }, { name: 'everyone', value: 'everyone' }],
    }],
    handler: async (ctx) => [await setAccess(ctx, str(ctx, 'who'))],
  },
];
