/**
 * Column types as both SQLite and Postgres hold them: JSON as text, times as epoch-ms integers
 * (bigint on Postgres, read back as numbers), flags as 0/1 integers.
 */
type Int = number | string | bigint;

export interface Tables {
  processed_requests: { key: string; created_at: Int };
  debates: {
    id: string; platform: string; server_id: string; channel_id: string; user_id: string;
    motion_id: string; bot_side: string; status: string; turns: string; turn_count: Int;
    created_at: Int; updated_at: Int;
  };
  quizzes: {
    id: string; platform: string; server_id: string; channel_id: string; starter_id: string;
    mode: string; questions: string; current: Int; status: string; deadline: Int | null; created_at: Int;
    seconds: Int | null; reveal: string;
  };
  quiz_answers: {
    quiz_id: string; question: Int; user_id: string; user_name: string; option: Int; correct: Int;
    answered_at: Int; server_id: string; platform: string; question_id: string | null; channel_id: string | null;
  };
  quiz_scores: {
    platform: string; server_id: string; season: Int; user_id: string; question_id: string; quiz_id: string;
    question: Int; channel_id: string; user_name: string; correct: Int; answered_at: Int;
  };
  quiz_seasons: { platform: string; server_id: string; number: Int; started_at: Int; started_by: string };
  seen_items: { platform: string; server_id: string; channel_id: string; kind: string; item_id: string; seen_at: Int };
  prompt_posts: {
    id: string; platform: string; server_id: string; channel_id: string; prompt_id: string;
    schedule_id: string | null; slot: Int | null; message_id: string | null; created_at: Int;
    closes_at: Int | null; closed_at: Int | null;
  };
  votes: { post_id: string; user_id: string; vote: string; updated_at: Int; user_name: string | null };
  vote_events: { post_id: string; user_id: string; vote: string | null; at: Int };
  people: { platform: string; server_id: string; user_id: string; name: string; seen_at: Int };
  schedules: {
    id: string; platform: string; server_id: string; channel_id: string; cron: string; label: string;
    time_zone: string; created_by: string; paused: Int; pause_reason: string | null; next_run: Int | null; created_at: Int;
    close_after_minutes: Int | null;
  };
  schedule_slots: { schedule_id: string; slot: Int; claimed_at: Int };
  post_leases: {
    key: string; platform: string; state: string; holder: string; expires_at: Int; message_id: string | null;
    taken_at: Int; done_at: Int | null; sent_at: Int | null;
  };
  class_debates: {
    id: string; platform: string; server_id: string; channel_id: string; opener_id: string; opener_name: string;
    motion_id: string; format: string; round_minutes: Int; max_per_round: Int | null; status: string; round: Int;
    round_ends_at: Int | null; vote_ends_at: Int | null; next_due: Int | null; expires_at: Int; created_at: Int;
    begun_at: Int | null; closed_at: Int | null;
  };
  class_debate_members: {
    debate_id: string; user_id: string; user_name: string; side: string | null;
    stance_before: string | null; stance_after: string | null; updated_at: Int;
  };
  class_debate_arguments: {
    id: string; debate_id: string; user_id: string; user_name: string; side: string; round: Int; text: string;
    text_key: string; point: string | null; status: string; candidates: string; created_at: Int;
  };
  class_debate_announcements: { debate_id: string; round: Int; kind: string; claimed_at: Int };
  class_debate_access: { platform: string; server_id: string; open_to_all: Int; updated_by: string; updated_at: Int };
}
