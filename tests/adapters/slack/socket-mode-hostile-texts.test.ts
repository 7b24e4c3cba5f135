import { hostileTextSuite } from '../contract/hostile-texts.js';
import { useHarness } from './harness.js';
import { HOSTILE_ADMIN, slackHostileDriver } from './hostile-driver.js';

/** The hostile-texts suite on Slack over Socket Mode: envelopes over the fake's socket. */
const h = useHarness({ socket: true, env: { SLACK_ADMIN_USERS: HOSTILE_ADMIN, DEBATE_TURN_LIMIT: '50' } });
hostileTextSuite('Slack over Socket Mode', () => slackHostileDriver(h, 'socket'));
