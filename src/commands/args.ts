import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * What is wrong with a command's arguments, in a sentence, or null when parseArgs will read them.
 * node:util's parseArgs words its errors for programmers ("Option '--motion <value>' argument
 * missing"); the problem is found here from its tokens and said in the command's own terms.
 */
export function argsProblem(command: string, args: string[], options: Options, allowPositionals = false): string | null {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional' && !allowPositionals) return `rostrum ${command} takes no argument such as “${token.value}”.`;
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    const typed = args[token.index]!;
    if (!spec) {
      const asText = allowPositionals ? ` (an argument that starts with "-" goes after --: rostrum ${command} -- "${typed}")` : '';
      return `rostrum ${command} has no option ${typed.startsWith('--') ? token.rawName : typed.split(/\s/)[0]}${asText}.`;
    }
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      return `${token.rawName} needs a value.`;
    }
    if (spec.type === 'boolean' && token.inlineValue) return `${token.rawName} takes no value.`;
  }
  return null;
}
