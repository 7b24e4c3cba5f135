import { hostileTextSuite } from '../contract/hostile-texts.js';
import { useHarness } from './harness.js';
import { HOSTILE_ADMIN, slackHostileDriver } from './hostile-driver.js';

/** The hostile-texts suite on Slack over HTTP: signed requests into Bolt's receiver. */
const h = useHarness({ env: { SLACK_ADMIN_USERS: HOSTILE_ADMIN, DEBATE_TURN_LIMIT: '50' } });
hostileTextSuite('Slack over HTTP', () => slackHostileDriver(h, 'http'));
