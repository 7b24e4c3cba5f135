// Floor: a bare readline prompt on the terminal, as fast as an interactive prompt can appear.
import { createInterface } from 'node:readline';

const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
rl.setPrompt('floor> ');
rl.prompt();
rl.on('line', (line) => {
  if (line.trim() === ':quit') rl.close();
  else rl.prompt();
});
rl.on('close', () => process.exit(0));
