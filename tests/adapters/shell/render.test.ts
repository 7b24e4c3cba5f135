import { describe, expect, it } from 'vitest';
import { renderForTerminal } from '../../../adapters/shell/render.js';
import { SOURCED_LABEL, sourcedPointReply } from '../../support/sourced-point.js';

describe('an editorial point’s sources in the terminal', () => {
  it('shows them beside the label, on the label’s own line under the point', () => {
    const lines = renderForTerminal(sourcedPointReply(), 1).text.split('\n');
    const label = lines.indexOf(`  (${SOURCED_LABEL})`);
    expect(label).toBeGreaterThan(lines.indexOf('Cities that closed their centres to cars saw fewer road deaths.'));
    expect(lines[label + 1]).toBe('Your turn.');
  });
});
