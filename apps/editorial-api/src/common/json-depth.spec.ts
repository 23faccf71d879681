import { jsonDepthExceeds } from './json-depth';

const deeper = (text: string, limit: number) => jsonDepthExceeds(Buffer.from(text), limit);

describe('the depth of a JSON body, counted before parsing', () => {
  it('counts arrays and objects alike', () => {
    expect(deeper('{"a":[{"b":[]}]}', 4)).toBe(false);
    expect(deeper('{"a":[{"b":[[]]}]}', 4)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(deeper(`{"a":"${'[{'.repeat(50)}"}`, 2)).toBe(false);
    expect(deeper(`{"a":"\\"[[[[","b":1}`, 1)).toBe(false);
    expect(deeper(`{"a":"\\\\","b":[[1]]}`, 2)).toBe(true);
  });

  it('measures the deepest point, not the number of siblings', () => {
    expect(deeper(`[${'[],'.repeat(1000)}[]]`, 2)).toBe(false);
  });
});
