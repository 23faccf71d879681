import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLE_REDACTABLE_FIELDS, CONTRIBUTION_REDACTABLE_FIELDS } from '@newsroom/editorial-domain';

// verify-bundle.mjs runs offline with no dependency, so it carries its own copy of the redactable
// fields: the only places where an erased value may be. This holds the copy to the domain's lists.
const source = readFileSync(join(__dirname, 'verify-bundle.mjs'), 'utf8');
const table = /\/\/ <redactable-fields>\nconst REDACTABLE_FIELDS = ({[\s\S]*?});\n\/\/ <\/redactable-fields>/.exec(
  source,
);

describe("verify-bundle.mjs's table of redactable fields", () => {
  it("is the domain's, for every article and contribution event type", () => {
    expect(table).not.toBeNull();
    const copy = new Function(`return ${table![1]}`)();

    expect(copy).toEqual({ ...ARTICLE_REDACTABLE_FIELDS, ...CONTRIBUTION_REDACTABLE_FIELDS });
  });
});
