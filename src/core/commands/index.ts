import type { CommandSpec } from './spec.js';
import { keypointsCommand } from './keypoints.js';
import { debateCommand } from './debate.js';
import { quizCommand } from './quiz.js';
import { promptCommand } from './prompt.js';
import { helpReply } from './help.js';
import { str } from './options.js';

const helpCommand: CommandSpec = {
  name: 'help',
  description: 'What rostrum can do',
  defaultSubcommand: 'show',
  subcommands: [{
    name: 'show',
    description: 'Show help for all commands or one',
    options: [{
      name: 'command', description: 'A command', type: 'string', rest: true,
      choices: ['keypoints', 'debate', 'quiz', 'prompt'].map((c) => ({ name: c, value: c })),
    }],
    handler: async (ctx) => [helpReply(COMMANDS, COMMANDS.find((c) => c.name === str(ctx, 'command')), undefined, ctx.slashName, ctx.services.pack.article.title)],
  }],
};

/** The one list of commands: every adapter derives its surface from it. */
export const COMMANDS: readonly CommandSpec[] = [keypointsCommand, debateCommand, quizCommand, promptCommand, helpCommand];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name.replace(/^\//, '').toLowerCase());
}
