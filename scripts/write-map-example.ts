// Plays a short class debate through the real commands and writes its argument map to
// docs/argument-map-example.png (shown in README.md), printing the recap as the terminal shows it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPack } from '../src/core/pack/load.js';
import { createMatcher } from '../src/core/match/create-matcher.js';
import { createServices } from '../src/core/services.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { runChoice, runCommand } from '../src/core/dispatch.js';
import { renderPlainText, type Reply } from '../src/core/reply.js';
import type { BaseContext } from '../src/core/context.js';
import { svgToPng } from '../src/images/svg-to-png.js';

const pack = await loadPack();
const store = await openSqliteStore(':memory:');
const services = createServices({ pack, matcher: createMatcher(pack), store, renderPng: async (svg) => svgToPng(svg) });
const as = (name: string, isAdmin = false): BaseContext => ({
  platform: 'shell', serverId: 'example', channelId: 'class-9b', user: { id: name, name }, isAdmin, services,
});
const run = (who: BaseContext, subcommand: string, options: Record<string, string> = {}) =>
  runCommand(who, { command: 'debate', subcommand, options });
const vote = (who: BaseContext, post: Reply | undefined, label: string) => {
  const id = post?.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : [])).find((c) => c.label === label)?.id;
  return id ? runChoice(who, { choiceId: id }) : Promise.resolve([]);
};

const chair = as('Ms Okafor', true);
const [lobby] = await run(chair, 'open', { motion: 'de-facto-member' });
const seats: [string, 'for' | 'against', string][] = [
  ['ada', 'for', 'Agree'], ['ben', 'against', 'Disagree'], ['chen', 'for', 'Not sure'], ['dara', 'against', 'Disagree'], ['eli', 'for', 'Disagree'],
];
for (const [name, side, stance] of seats) {
  await run(as(name), 'join', { side });
  await vote(as(name), lobby, stance);
}
await run(chair, 'begin');
const lines: [string, string][] = [
  ['ada', 'ukraine is basically in nato already, they share intel and plan operations together'],
  ['ben', 'getting weapons and training from nato doesnt make you a member'],
  ['chen', 'their tanks and shells all run on nato standards now, the soviet stuff is gone'],
  ['dara', 'nobody is bound by article 5 to defend ukraine, so it is not a member'],
  ['eli', 'kyiv lines up its whole security policy with washington, london and warsaw now, it is part of the western camp for good'],
];
for (const [name, text] of lines) {
  const [posted] = await run(as(name), 'say', { argument: text });
  console.log(renderPlainText(posted!), '\n');
}
const [closing] = await run(chair, 'close');
for (const [name, , stance] of seats) await vote(as(name), closing, name === 'eli' || name === 'chen' ? 'Agree' : stance);
const [recap] = await run(chair, 'close');
console.log(renderPlainText(recap!));
const map = recap?.attachments?.[0];
if (!map || typeof map.content === 'string') throw new Error('the recap carried no PNG map');
console.log(`\n${map.text}`);
const out = join(import.meta.dirname, '../docs/argument-map-example.png');
await writeFile(out, map.content);
console.log(`\nwrote ${out} (${map.content.length} bytes)`);
await store.close();
