import { describe, expect, it } from 'vitest';
import { runAutocomplete } from '../../src/core/dispatch.js';
import { contextFor, testServices } from '../support/core.js';

describe('autocomplete', () => {
  it('suggests the current name of a renamed zone, so “kyiv” finds Europe/Kyiv', async () => {
    const services = await testServices();
    const found = await runAutocomplete(contextFor(services), { command: 'prompt', subcommand: 'schedule', option: 'timezone', partial: 'kyiv' });
    expect(found.map((f) => f.value)).toContain('Europe/Kyiv');
    const ny = await runAutocomplete(contextFor(services), { command: 'prompt', subcommand: 'schedule', option: 'timezone', partial: 'new_york' });
    expect(ny.map((f) => f.value)).toEqual(['America/New_York']);
  });

  it('suggests motions by id or title, and at most 25 of anything', async () => {
    const services = await testServices();
    const motions = await runAutocomplete(contextFor(services), { command: 'debate', subcommand: 'start', option: 'motion', partial: 'tent' });
    expect(motions.map((m) => m.value)).toEqual(['admit-inside-tent']);
    const zones = await runAutocomplete(contextFor(services), { command: 'prompt', subcommand: 'schedule', option: 'timezone', partial: '' });
    expect(zones).toHaveLength(25);
  });

  it('answers nothing for an option without suggestions', async () => {
    const services = await testServices();
    expect(await runAutocomplete(contextFor(services), { command: 'quiz', subcommand: 'start', option: 'questions', partial: '1' })).toEqual([]);
  });
});
