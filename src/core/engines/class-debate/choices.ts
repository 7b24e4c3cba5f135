import type { ChoiceHandler } from '../../commands/spec.js';
import { notice, type TextInput } from '../../reply.js';
import type { Vote } from '../../store/records.js';
import { castStance, joinSide, NOT_RUNNING } from './lobby.js';
import { recapNow, showBoard } from './chair.js';
import { hint, pickPoint, sayArgument } from './speak.js';
import { SAY_INPUT } from './posts.js';

const expired = notice(NOT_RUNNING);
const VOTE_IDS: readonly string[] = ['agree', 'disagree', 'unsure'];

/**
 * The class debate's buttons. Every id names its debate (or argument) and what the click means, so
 * any process handles it after a restart: `cd:join:<debate>:for`, `cd:vote:<debate>:before:agree`,
 * `cd:say:<debate>` (opens a box), `cd:hint:<debate>:<argument>`, `cd:pick:<argument>:<point|->`,
 * `cd:board:<debate>`, `cd:recap:<debate>`.
 */
export const CLASS_DEBATE_CHOICES: Record<string, ChoiceHandler> = {
  'cd:join': async (ctx, [debateId, side]) =>
    (debateId && (side === 'for' || side === 'against') ? joinSide(ctx, side, debateId) : [expired]),
  'cd:vote': async (ctx, [debateId, phase, vote]) =>
    (debateId && (phase === 'before' || phase === 'after') && vote && VOTE_IDS.includes(vote) ? castStance(ctx, debateId, phase, vote as Vote) : [expired]),
  'cd:say': async (ctx, [debateId]) => {
    if (!debateId) return [expired];
    if (!ctx.text) return [notice('Type your argument in the box, then send it.')];
    return sayArgument(ctx, ctx.text, debateId);
  },
  'cd:hint': async (ctx, [debateId, argId]) => (debateId && argId ? [await hint(ctx, debateId, argId)] : [expired]),
  'cd:pick': async (ctx, [argId, pointId]) => (argId && pointId ? pickPoint(ctx, argId, pointId) : [expired]),
  'cd:board': async (ctx, [debateId]) => (debateId ? [await showBoard(ctx, debateId)] : [expired]),
  'cd:recap': async (ctx, [debateId]) => (debateId ? [await recapNow(ctx, debateId)] : [expired]),
};

export const CLASS_DEBATE_INPUTS: Record<string, TextInput> = {
  'cd:say': SAY_INPUT,
};
