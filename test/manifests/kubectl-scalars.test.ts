import { ERROR, KEYS, SOURCE, VALUES } from './data/kubectl-scalars';
import { formatFloat32 } from '../../src/manifests/scalars';
import { ReadError } from '../../src/manifests/text-position';
import { readYaml } from '../../src/manifests/yaml-reader';

/** The value of the only document of a text, or ERROR when it does not read. */
function read(text: string): unknown {
  try {
    return readYaml(text).documents[0]?.value;
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    return ERROR;
  }
}

describe(`scalars as kubectl reads them (${SOURCE.repository} at ${SOURCE.commit.slice(0, 12)})`, () => {
  test('the table is large enough to mean something', () => {
    expect(VALUES.length + KEYS.length).toBeGreaterThanOrEqual(60);
  });

  test.each(VALUES.map((r) => [r.yaml, r]))('v: %s', (_, row) => {
    const got = read(`v: ${row.yaml}\n`);
    if (row.json === ERROR) {
      expect(got).toBe(ERROR);
    } else {
      expect(got).toEqual({ v: row.json });
      // the same scalar in a flow mapping and in a sequence reads the same
      if (!/^[!&*]|[[\]{},]/.test(row.yaml) && row.yaml !== '') {
        expect(read(`{v: ${row.yaml}}\n`)).toEqual({ v: row.json });
        expect(read(`- ${row.yaml}\n`)).toEqual([row.json]);
      }
    }
  });

  test.each(KEYS.map((r) => [r.yaml, r]))('%s: x', (_, row) => {
    const got = read(`${row.yaml}: x\n`);
    if (row.key === ERROR) {
      expect(got).toBe(ERROR);
    } else {
      expect(got).toEqual({ [row.key]: 'x' });
      expect(Object.keys(got as object)).toEqual([row.key]);
    }
  });

  test('two keys that kubectl converts to the same JSON key are an error (kubectl keeps one of them, at random)', () => {
    expect(read('1: a\n"1": b\n')).toBe(ERROR);
    expect(read('true: a\nyes: b\n')).toBe(ERROR);
    expect(read('1.0: a\n1: b\n')).toBe(ERROR);
    expect(read('0x10: a\n16: b\n')).toBe(ERROR);
  });

  test("Go's FormatFloat(f, 'g', -1, 32) in corner cases", () => {
    expect(formatFloat32(1)).toBe('1');
    expect(formatFloat32(0.1)).toBe('0.1');
    expect(formatFloat32(1e21)).toBe('1e+21');
    expect(formatFloat32(123456)).toBe('123456');
    expect(formatFloat32(1234567)).toBe('1.234567e+06');
    expect(formatFloat32(-2.5e-7)).toBe('-2.5e-07');
    expect(formatFloat32(3.4028234663852886e38)).toBe('3.4028235e+38');
    expect(formatFloat32(1e-45)).toBe('1e-45');
    expect(formatFloat32(NaN)).toBe('.nan');
  });
});
