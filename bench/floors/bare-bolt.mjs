// Floor: a bare Bolt app (the project's version) in HTTP mode. It acks every slash command with a fixed
// text, or with FLOOR_MODE=respond acks and then answers through respond().
import bolt from '@slack/bolt';

const respond = process.env.FLOOR_MODE === 'respond';
const app = new bolt.App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: bolt.LogLevel.ERROR,
});
app.command(/.*/, async ({ ack, respond: answer }) => {
  if (!respond) return ack('ok');
  await ack();
  await answer({ text: 'ok', response_type: 'ephemeral' });
});
await app.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
process.once('SIGTERM', () => app.stop().then(() => process.exit(0)));
