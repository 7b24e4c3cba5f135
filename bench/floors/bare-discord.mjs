// Floor: a bare discord.js client (the project's version) that answers every interaction with a fixed string.
import { Client, Events, GatewayIntentBits } from 'discord.js';

const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL }, allowedMentions: { parse: [] } });
client.on(Events.InteractionCreate, (interaction) => {
  if (interaction.isRepliable()) interaction.reply({ content: 'ok' }).catch((err) => console.error(err));
});
client.once(Events.ClientReady, () => console.log('ready'));
await client.login(process.env.DISCORD_TOKEN);
process.once('SIGTERM', () => client.destroy().then(() => process.exit(0)));
