import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../src/core/config';
import { stepTable } from '../../../packages/shared/src/cases/case-steps.test-util';

describe('README', () => {
  it('says who does which step as the case table does', () => {
    const readme = readFileSync(join(ROOT_DIR, 'README.md'), 'utf8');
    const block = /<!-- case-steps:begin -->\n([\s\S]*?)\n<!-- case-steps:end -->/.exec(readme);
    // On failure: paste the expected table between the README's case-steps markers.
    expect(block?.[1], 'README.md: the case-steps block').toBe(stepTable());
  });
});
