import type { Pack } from './pack/model.js';
import type { Matcher } from './match/matcher.js';
import type { Store } from './store/store.js';
import type { Logger } from './logger.js';
import type { Scheduling } from './schedule/scheduling.js';

export type Platform = 'discord' | 'slack' | 'shell';

export interface Actor {
  id: string;
  name: string;
}

/** Settings the engines read; adapters and start-up fill them from the validated configuration. */
export interface CoreSettings {
  quizChannelSeconds: number;
  debateTurnLimit: number;
  defaultTimeZone: string;
  maxSchedulesPerChannel: number;
  scheduleGraceMinutes: number;
  /**
   * How long a process may take over a post it began (a scheduled prompt, a reveal) before another
   * one takes it over as the work of a process that died. Far above a post's time, far below the
   * window in which Discord recognises a repeated nonce.
   */
  postLeaseSeconds: number;
}

/** What every handler may use. Handlers never reach a platform: they return replies. */
export interface Services {
  pack: Pack;
  matcher: Matcher;
  store: Store;
  settings: CoreSettings;
  logger: Logger;
  now: () => Date;
  /** Uniform in [0, 1); injected so shuffles and picks are reproducible in tests. */
  random: () => number;
  /** The cron engine schedules are checked and planned with; start-up supplies it. */
  scheduling: Scheduling;
  /** Tells background work that a deadline or schedule changed, so it re-plans its sleep. */
  wake: () => void;
  /**
   * Loads what handlers then use synchronously and start-up leaves unloaded (the matcher's code):
   * dispatch awaits it before each command and choice. Without it, all is loaded already.
   */
  ready?: () => Promise<void>;
  /**
   * Draws an SVG (the argument map) as a PNG. The renderer is native code, so start-up hands it in
   * from outside the core; without one, a map goes out as its SVG and its text.
   */
  renderPng?: (svg: string) => Promise<Uint8Array>;
}

export interface Where {
  platform: Platform;
  /** Discord guild, Slack workspace (team), or the terminal's pseudo-server. */
  serverId: string;
  channelId: string;
}

export interface BaseContext extends Where {
  user: Actor;
  locale?: string;
  /** The adapter's judgement of the platform's admin rule (Manage Server, workspace admin, configured users). */
  isAdmin: boolean;
  /** How this platform spells a command, where it is not `/<name>` (Slack's help command is /rostrum); help uses it. */
  slashName?: (command: string) => string;
  services: Services;
}

export type OptionValue = string | number | boolean;

export interface CommandContext extends BaseContext {
  command: string;
  subcommand: string;
  options: Readonly<Record<string, OptionValue | undefined>>;
}

export interface ChoiceContext extends BaseContext {
  choiceId: string;
  /** The text typed into the box a choice opened, if it had one. */
  text?: string;
  /** The platform's id of the message the choice was on, when known. */
  messageId?: string;
}

export interface AutocompleteContext extends BaseContext {
  option: string;
}
