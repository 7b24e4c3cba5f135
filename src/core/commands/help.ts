import type { CommandSpec, OptionSpec, SubcommandSpec } from './spec.js';
import { privateReply, type Block, type Reply } from '../reply.js';

export type SlashName = (command: string) => string;

const plainSlashName: SlashName = (command) => `/${command}`;

function optionUsage(o: OptionSpec): string {
  const value = o.choices ? o.choices.map((c) => c.value).join('|') : o.type === 'integer' ? 'number' : o.type === 'channel' ? '#channel' : '…';
  return o.required ? `${o.name}:${value}` : `[${o.name}:${value}]`;
}

export function usage(command: CommandSpec, sub: SubcommandSpec, slashName: SlashName = plainSlashName): string {
  return [slashName(command.name), sub.name, ...sub.options.map(optionUsage)].join(' ');
}

/**
 * Help for one command, or for everything; `problem` says what was wrong with what the user typed.
 * `slashName` spells each command as the platform knows it.
 */
export function helpReply(
  commands: readonly CommandSpec[], command?: CommandSpec, problem?: string, slashName: SlashName = plainSlashName, articleTitle?: string,
): Reply {
  const blocks: Block[] = [];
  if (problem) blocks.push({ type: 'text', text: problem });
  if (command) {
    const name = slashName(command.name);
    blocks.push({ type: 'heading', text: `${name} — ${command.description}` });
    blocks.push({
      type: 'text',
      text: command.subcommands.map((s) => `${usage(command, s, slashName)}\n    ${s.description}${s.adminOnly ? ' (admins only)' : ''}`).join('\n'),
    });
    const defaults = command.defaultSubcommand ? `${name} alone runs ${name} ${command.defaultSubcommand}. ` : '';
    blocks.push({ type: 'footer', text: `${defaults}An option’s value runs to the next name: or the end of the line, and may be quoted.` });
  } else {
    blocks.push({ type: 'heading', text: articleTitle ? `rostrum — debate the article “${articleTitle}”` : 'rostrum — a debate bot' });
    blocks.push({ type: 'text', text: commands.map((c) => `${slashName(c.name)} — ${c.description}`).join('\n') });
    blocks.push({ type: 'footer', text: `Type ${slashName('help')} <command> for its options.` });
  }
  return privateReply(blocks);
}
