import type { SlashCommand } from '@slack/bolt';
import type { JsonObject } from './http.js';

/** Shared identity fields; every builder accepts them and falls back to the same fake workspace. */
export interface Who {
  teamId?: string;
  teamDomain?: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  channelName?: string;
  apiAppId?: string;
  /** Legacy verification token; Bolt ignores it but real payloads carry one. */
  token?: string;
}

const DEFAULTS = {
  teamId: 'T0FAKE',
  teamDomain: 'fake',
  userId: 'U0USER',
  userName: 'ada',
  channelId: 'C0DEBATE',
  channelName: 'debate',
  apiAppId: 'A1',
  token: 'fake-verification-token',
} satisfies Required<Who>;

// Port 9 (discard) on loopback is closed, so a respond() that forgot to get a real sink url fails loudly.
const UNSET_RESPONSE_URL = 'http://127.0.0.1:9/response/unset';

let triggerCounter = 0;
function triggerId(): string {
  triggerCounter += 1;
  return `${triggerCounter}.1700000000.fake${String(triggerCounter).padStart(8, '0')}`;
}

function who(w: Who): Required<Who> {
  return { ...DEFAULTS, ...stripUndefined(w) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The user and team as interactive payloads (block_actions, view_submission) carry them. */
function interactiveUser(w: Required<Who>): JsonObject {
  return { id: w.userId, username: w.userName, name: w.userName, team_id: w.teamId };
}

function interactiveTeam(w: Required<Who>): JsonObject {
  return { id: w.teamId, domain: w.teamDomain };
}

/** Interactive payloads arrive over HTTP as one form field, `payload`, holding the JSON. */
function interactiveBody(payload: JsonObject): URLSearchParams {
  return new URLSearchParams({ payload: JSON.stringify(payload) });
}

// ---- slash commands -------------------------------------------------------

export interface SlashCommandOptions extends Who {
  command?: string;
  text?: string;
  responseUrl?: string;
  triggerId?: string;
}

/** The object Socket Mode delivers; over HTTP the same fields arrive form-encoded. */
export function slashCommandPayload(options: SlashCommandOptions = {}): SlashCommand {
  const w = who(options);
  return {
    token: w.token,
    team_id: w.teamId,
    team_domain: w.teamDomain,
    channel_id: w.channelId,
    channel_name: w.channelName,
    user_id: w.userId,
    user_name: w.userName,
    command: options.command ?? '/debate',
    text: options.text ?? '',
    api_app_id: w.apiAppId,
    is_enterprise_install: 'false',
    response_url: options.responseUrl ?? UNSET_RESPONSE_URL,
    trigger_id: options.triggerId ?? triggerId(),
  };
}

export function slashCommandBody(options: SlashCommandOptions = {}): URLSearchParams {
  const payload = slashCommandPayload(options);
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value === 'string') form.set(key, value);
  }
  return form;
}

// ---- block_actions --------------------------------------------------------

export interface BlockActionOptions extends Who {
  actionId: string;
  value?: string;
  blockId?: string;
  /** 'button' unless told; for selects pass selectedOption too. */
  actionType?: string;
  selectedOption?: { text: string; value: string };
  messageTs?: string;
  /** The message the button lives in; defaults to a bot message at messageTs. */
  message?: JsonObject;
  /** Ephemeral messages arrive without the `message` object, which trips handlers that assume it. */
  ephemeral?: boolean;
  responseUrl?: string;
  triggerId?: string;
}

export function blockActionPayload(options: BlockActionOptions): JsonObject {
  const w = who(options);
  const messageTs = options.messageTs ?? '1700000000.000100';
  const actionType = options.actionType ?? 'button';
  const action: JsonObject = {
    action_id: options.actionId,
    block_id: options.blockId ?? 'fake_block',
    type: actionType,
    action_ts: `${Math.floor(Date.now() / 1000)}.000000`,
  };
  if (actionType === 'button') {
    action.text = { type: 'plain_text', text: options.value ?? options.actionId, emoji: true };
    if (options.value !== undefined) action.value = options.value;
  }
  if (options.selectedOption !== undefined) {
    action.selected_option = {
      text: { type: 'plain_text', text: options.selectedOption.text, emoji: true },
      value: options.selectedOption.value,
    };
  }

  const payload: JsonObject = {
    type: 'block_actions',
    user: interactiveUser(w),
    api_app_id: w.apiAppId,
    token: w.token,
    container: { type: 'message', message_ts: messageTs, channel_id: w.channelId, is_ephemeral: options.ephemeral === true },
    trigger_id: options.triggerId ?? triggerId(),
    team: interactiveTeam(w),
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: w.channelId, name: w.channelName },
    state: { values: {} },
    response_url: options.responseUrl ?? UNSET_RESPONSE_URL,
    actions: [action],
  };
  if (options.ephemeral !== true) {
    payload.message = options.message ?? { type: 'message', ts: messageTs, text: '', user: 'U0BOT', blocks: [] };
  }
  return payload;
}

export function blockActionBody(options: BlockActionOptions): URLSearchParams {
  return interactiveBody(blockActionPayload(options));
}

// ---- view_submission ------------------------------------------------------

export type ViewStateValues = Record<string, Record<string, { type: string } & JsonObject>>;

export interface ViewSubmissionOptions extends Who {
  callbackId: string;
  privateMetadata?: string;
  /** `{ blockId: { actionId: { type: 'plain_text_input', value } } }`, exactly as Slack nests them. */
  values?: ViewStateValues;
  viewId?: string;
  triggerId?: string;
}

export function viewSubmissionPayload(options: ViewSubmissionOptions): JsonObject {
  const w = who(options);
  const viewId = options.viewId ?? 'V0FAKEVIEW';
  return {
    type: 'view_submission',
    team: interactiveTeam(w),
    user: interactiveUser(w),
    api_app_id: w.apiAppId,
    token: w.token,
    trigger_id: options.triggerId ?? triggerId(),
    view: {
      id: viewId,
      team_id: w.teamId,
      type: 'modal',
      blocks: [],
      private_metadata: options.privateMetadata ?? '',
      callback_id: options.callbackId,
      state: { values: options.values ?? {} },
      hash: '1700000000.fakehash',
      title: { type: 'plain_text', text: 'Rostrum', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: w.apiAppId,
      external_id: '',
      app_installed_team_id: w.teamId,
      bot_id: 'B0BOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function viewSubmissionBody(options: ViewSubmissionOptions): URLSearchParams {
  return interactiveBody(viewSubmissionPayload(options));
}

// ---- Events API -----------------------------------------------------------

export function urlVerificationBody(challenge = 'fake-challenge', token = DEFAULTS.token): string {
  return JSON.stringify({ token, challenge, type: 'url_verification' });
}

export interface EventCallbackOptions extends Who {
  event: JsonObject & { type: string };
  eventId?: string;
  /** The bot the event was authorised for; Bolt's ignoreSelf compares against it. */
  botUserId?: string;
}

let eventCounter = 0;

export function eventCallbackPayload(options: EventCallbackOptions): JsonObject {
  const w = who(options);
  eventCounter += 1;
  return {
    token: w.token,
    team_id: w.teamId,
    api_app_id: w.apiAppId,
    event: options.event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev0FAKE${String(eventCounter).padStart(6, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: w.teamId,
        user_id: options.botUserId ?? 'U0BOT',
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export function eventCallbackBody(options: EventCallbackOptions): string {
  return JSON.stringify(eventCallbackPayload(options));
}
