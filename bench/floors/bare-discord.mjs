// Floor: a bare discord.js client (the project's version) that answers every interaction with a fixed
// reply. By default the reply is a fixed string. With BARE_REPLY=embed it is a fixed message the size
// and shape of a /keypoints answer (one embed of about 1.2 KB with author and footer, two buttons):
// what discord.js costs to send an answer like the bot's, with none of the bot's own work.
import { Client, Events, GatewayIntentBits } from 'discord.js';

const sentence = 'A fixed paragraph of plain text, standing in for a key point, its summary and its quotation. ';
const embedReply = {
  embeds: [{
    title: 'Key point — a fixed title of about the usual length',
    description: sentence.repeat(10),
    author: { name: 'A fixed article title — its author (its publication)' },
    color: 3894949,
    footer: { text: 'A fixed footer naming the side of the motion that this point argues for.' },
  }],
  components: [{ type: 1, components: [
    { type: 2, custom_id: 'floor:one', label: 'Counterpoint', style: 1 },
    { type: 2, custom_id: 'floor:two', label: 'Another', style: 2 },
  ] }],
};
const reply = process.env.BARE_REPLY === 'embed' ? embedReply : { content: 'ok' };

const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL }, allowedMentions: { parse: [] } });
client.on(Events.InteractionCreate, (interaction) => {
  if (interaction.isRepliable()) interaction.reply(reply).catch((err) => console.error(err));
});
client.once(Events.ClientReady, () => console.log('ready'));
await client.login(process.env.DISCORD_TOKEN);
process.once('SIGTERM', () => client.destroy().then(() => process.exit(0)));
