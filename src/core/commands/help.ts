import type { CommandSpec, OptionSpec, SubcommandSpec } from './spec.js';
import { privateReply, type Block, type Reply } from '../reply.js';

function optionUsage(o: OptionSpec): string {
  const value = o.choices ? o.choices.map((c) => c.value).join('|') : o.type === 'integer' ? 'number' : o.type === 'channel' ? '#channel' : '…';
  return o.required ? `${o.name}:${value}` : `[${o.name}:${value}]`;
}

export function usage(command: CommandSpec, sub: SubcommandSpec): string {
  return [`/${command.name}`, sub.name, ...sub.options.map(optionUsage)].join(' ');
}

/** Help for one command, or for everything; `problem` says what was wrong with what the user typed. */
export function helpReply(commands: readonly CommandSpec[], command?: CommandSpec, problem?: string): Reply {
  const blocks: Block[] = [];
  if (problem) blocks.push({ type: 'text', text: problem });
  if (command) {
    blocks.push({ type: 'heading', text: `/${command.name} — ${command.description}` });
    blocks.push({
      type: 'text',
      text: command.subcommands.map((s) => `${usage(command, s)}\n    ${s.description}${s.adminOnly ? ' (admins only)' : ''}`).join('\n'),
    });
    const defaults = command.defaultSubcommand ? `/${command.name} alone runs /${command.name} ${command.defaultSubcommand}. ` : '';
    blocks.push({ type: 'footer', text: `${defaults}An option’s value runs to the next name: or the end of the line, and may be quoted.` });
  } else {
    blocks.push({ type: 'heading', text: 'rostrum — debate the article “Ukraine Has a ‘Secret Back Door’ Into NATO”' });
    blocks.push({ type: 'text', text: commands.map((c) => `/${c.name} — ${c.description}`).join('\n') });
    blocks.push({ type: 'footer', text: 'Type /help <command> for its options.' });
  }
  return privateReply(blocks);
}
