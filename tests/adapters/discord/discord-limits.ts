import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';

/**
 * Discord's limits, written out again here (not imported from the adapter) so that a wrong number
 * in the adapter cannot make its own tests pass.
 */
export function expectWithinDiscordLimits(message: { content?: string; embeds?: APIEmbed[]; components?: unknown[] }): void {
  const content = message.content ?? '';
  expect(content.length).toBeLessThanOrEqual(2000);
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0)
      + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6000);
  expect(content.length > 0 || embeds.length > 0).toBe(true);
  const rows = (message.components ?? []) as { type: number; components: { custom_id?: string; label?: string }[] }[];
  expect(rows.length).toBeLessThanOrEqual(5);
  for (const row of rows) {
    expect(row.type).toBe(1);
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const b of row.components) {
      expect(b.custom_id?.length ?? 0).toBeGreaterThan(0);
      expect(b.custom_id?.length ?? 0).toBeLessThanOrEqual(100);
      expect(b.label?.length ?? 0).toBeLessThanOrEqual(80);
    }
  }
}

/** The block-quote lines of messages, in order, without their "> " marks, joined as the quote was split. */
export function quotedText(messages: { embeds?: APIEmbed[] }[]): string {
  return messages
    .flatMap((m) => m.embeds ?? [])
    .flatMap((e) => (e.description ?? '').split('\n'))
    .filter((line) => line.startsWith('> '))
    .map((line) => line.slice(2))
    .join('');
}
