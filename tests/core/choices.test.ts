import { describe, expect, it } from 'vitest';
import { choiceInput, routeChoice } from '../../src/core/choices.js';
import { runChoice } from '../../src/core/dispatch.js';
import { contextFor, testServices } from '../support/core.js';
import { plain } from '../support/replies.js';

describe('choice ids', () => {
  it('tell any process which text box a choice opens', () => {
    expect(choiceInput('debate:reply:abc123')).toMatchObject({ title: 'Your argument', maxLength: 2000 });
    expect(choiceInput('debate:end:abc123')).toBeNull();
    expect(choiceInput('quiz:a:q:0:1')).toBeNull();
    expect(choiceInput('nonsense')).toBeNull();
  });

  it('route only to handlers the core defines, never to inherited object keys', async () => {
    for (const forged of ['constructor', 'toString:x', '__proto__:y', 'hasOwnProperty', 'valueOf:1:2']) {
      expect(routeChoice(forged), forged).toBeNull();
      expect(choiceInput(forged), forged).toBeNull();
    }
    const services = await testServices();
    const [reply] = await runChoice(contextFor(services), { choiceId: 'constructor:1' });
    expect(plain(reply!)).toMatch(/expired/);
  });

  it('answer a button that leads nowhere with “expired”, and send nobody to a quiz they were not in', async () => {
    const services = await testServices();
    for (const id of ['kp:counter:no-such-point', 'debate:end', 'from-an-old-version:1']) {
      const [reply] = await runChoice(contextFor(services), { choiceId: id });
      expect(plain(reply!), id).toMatch(/expired/);
      expect(plain(reply!), id).not.toMatch(/quiz/);
    }
  });
});
