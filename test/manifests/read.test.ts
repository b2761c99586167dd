/**
 * Reading inputs as an attacker writes them (read.ts): symbolic links out of the tree, FIFOs,
 * sockets and devices, files larger than they say, too many of everything, text that is not
 * UTF-8. Each case is written the way a pull request would bring it, and asserts the exact
 * outcome: the error or the warning naming the file, and nothing of what is outside read.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { InputLimits, listManifestFiles, ManifestError, readInputs } from '../../src/manifests';
import { LIMITS } from '../../src/manifests/limits';

const SECRET = 'S3CRET-T0KEN-do-not-print';
const namespace = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`;

let work: string;
/** the directory given to the reader, as a pull request checkout would be */
let dir: string;
/** a file outside it, holding what must never be read */
let outsideFile: string;

beforeEach(() => {
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-read-')));
  dir = path.join(work, 'pr');
  fs.mkdirSync(dir);
  outsideFile = path.join(work, 'token.yaml');
  fs.writeFileSync(outsideFile, namespace(SECRET.toLowerCase()));
  fs.writeFileSync(path.join(dir, 'ok.yaml'), namespace('ok'));
});

afterEach(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

/** The error thrown by a function, or a failure when it does not throw. */
function thrown(fn: () => unknown): ManifestError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestError);
    return e as ManifestError;
  }
  throw new Error('expected an error');
}

/** Reads `paths`, returning the object names and the warnings. */
function read(paths: string[], limits?: Partial<InputLimits>) {
  const warnings: string[] = [];
  const docs = readInputs(paths, { onWarning: (w) => warnings.push(w), limits });
  return { names: docs.map((d) => d.object.metadata?.name as string), sources: docs.map((d) => d.source), warnings };
}

function expectNothingOfTheSecret(result: unknown) {
  expect(JSON.stringify(result)).not.toContain(SECRET.toLowerCase());
  expect(JSON.stringify(result)).not.toContain(SECRET);
}

describe('symbolic links found in a directory', () => {
  test('a link to a token file outside the tree is skipped, with one warning naming it', () => {
    fs.symlinkSync(outsideFile, path.join(dir, 'x.yaml'));
    const r = read([dir]);
    expect(r.names).toEqual(['ok']);
    expect(r.warnings).toEqual([`${dir}/x.yaml: skipped, a symbolic link that leads outside ${dir}`]);
    expectNothingOfTheSecret(r);
  });

  test('a link to /proc/self/environ is skipped', () => {
    fs.symlinkSync('/proc/self/environ', path.join(dir, 'x.yaml'));
    const r = read([dir]);
    expect(r.names).toEqual(['ok']);
    expect(r.warnings).toEqual([`${dir}/x.yaml: skipped, a symbolic link that leads outside ${dir}`]);
  });

  test('every way out is seen: ../, a chain of links, a directory link on the way, an absolute path', () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync('../../token.yaml', path.join(dir, 'sub', 'dotdot.yaml'));
    fs.symlinkSync('sub/dotdot.yaml', path.join(dir, 'chain.yaml'));
    fs.symlinkSync(work, path.join(dir, 'up')); // a directory link: never walked, but a way out
    fs.symlinkSync('up/token.yaml', path.join(dir, 'via-dir.yaml'));
    fs.symlinkSync(`${dir}/../token.yaml`, path.join(dir, 'absolute.yaml'));
    fs.symlinkSync(`${dir}-other/x.yaml`, path.join(dir, 'prefix.yaml')); // /tmp/pr-other is not inside /tmp/pr
    const r = read([dir]);
    expect(r.names).toEqual(['ok']);
    expect(r.warnings).toEqual(['absolute.yaml', 'chain.yaml', 'prefix.yaml', 'sub/dotdot.yaml', 'via-dir.yaml']
      .map((f) => `${dir}/${f}: skipped, a symbolic link that leads outside ${dir}`));
    expectNothingOfTheSecret(r);
  });

  test('whether a path outside exists is never told: a missing target outside reads as outside', () => {
    fs.symlinkSync(path.join(work, 'missing.yaml'), path.join(dir, 'a.yaml'));
    fs.symlinkSync(outsideFile, path.join(dir, 'b.yaml'));
    expect(read([dir]).warnings).toEqual([
      `${dir}/a.yaml: skipped, a symbolic link that leads outside ${dir}`,
      `${dir}/b.yaml: skipped, a symbolic link that leads outside ${dir}`,
    ]);
  });

  test('links that stay inside the tree are read, under the link\'s name', () => {
    fs.mkdirSync(path.join(dir, 'base'));
    fs.writeFileSync(path.join(dir, 'base', 'ns.yaml'), namespace('shared'));
    fs.symlinkSync('base/ns.yaml', path.join(dir, 'relative.yaml'));
    fs.symlinkSync('../ok.yaml', path.join(dir, 'base', 'up.yaml')); // up, but not past the top
    fs.symlinkSync(path.join(dir, 'base', 'ns.yaml'), path.join(dir, 'absolute.yaml'));
    fs.symlinkSync('relative.yaml', path.join(dir, 'chain.yaml'));
    fs.symlinkSync('base/./../base/ns.yaml', path.join(dir, 'dots.yaml'));
    const r = read([dir]);
    expect(r.warnings).toEqual([]);
    expect(r.sources.map((s) => path.relative(dir, s)))
      .toEqual(['absolute.yaml', 'base/ns.yaml', 'base/up.yaml', 'chain.yaml', 'dots.yaml', 'ok.yaml', 'relative.yaml']);
    expect(r.names).toEqual(['shared', 'shared', 'ok', 'shared', 'shared', 'ok', 'shared']);
  });

  test('a directory given through a link: links inside are judged against its real path', () => {
    fs.writeFileSync(path.join(dir, 'ns.yaml'), namespace('real'));
    fs.symlinkSync('ns.yaml', path.join(dir, 'alias.yaml'));
    const viaLink = path.join(work, 'checkout');
    fs.symlinkSync(dir, viaLink);
    const r = read([viaLink]);
    expect(r.warnings).toEqual([]);
    expect(r.sources).toEqual(['alias.yaml', 'ns.yaml', 'ok.yaml'].map((f) => path.join(viaLink, f)));
  });

  test('broken links and loops are skipped, with a warning', () => {
    fs.symlinkSync('nothing.yaml', path.join(dir, 'broken.yaml'));
    fs.symlinkSync('loop-b.yaml', path.join(dir, 'loop-a.yaml'));
    fs.symlinkSync('loop-a.yaml', path.join(dir, 'loop-b.yaml'));
    expect(read([dir]).warnings).toEqual(['broken', 'loop-a', 'loop-b'].map((f) => `${dir}/${f}.yaml: skipped, a broken symbolic link`));
  });

  test('directory links stay unfollowed, inside or out, without a warning', () => {
    fs.mkdirSync(path.join(dir, 'real'));
    fs.writeFileSync(path.join(dir, 'real', 'ns.yaml'), namespace('once'));
    fs.symlinkSync('real', path.join(dir, 'again'));
    fs.symlinkSync('real', path.join(dir, 'again.yaml'));
    fs.symlinkSync(work, path.join(dir, 'out'));
    fs.symlinkSync('.', path.join(dir, 'self'));
    const r = read([dir]);
    expect(r.names).toEqual(['ok', 'once']);
    expect(r.warnings).toEqual([]);
  });

  test('paths named explicitly are the caller\'s choice and are followed', () => {
    const link = path.join(dir, 'x.yaml');
    fs.symlinkSync(outsideFile, link);
    expect(read([link]).names).toEqual([SECRET.toLowerCase()]);
  });

  test('listManifestFiles tells the same warnings', () => {
    fs.symlinkSync(outsideFile, path.join(dir, 'x.yaml'));
    const warnings: string[] = [];
    expect(listManifestFiles(dir, (w) => warnings.push(w))).toEqual([path.join(dir, 'ok.yaml')]);
    expect(warnings).toEqual([`${dir}/x.yaml: skipped, a symbolic link that leads outside ${dir}`]);
    expect(listManifestFiles(dir)).toEqual([path.join(dir, 'ok.yaml')]);
  });

  test('a file name with a line break or a bidirectional override is shown escaped in the warning, on one line', () => {
    fs.symlinkSync(outsideFile, path.join(dir, 'a\ncdk8s-netpol: all good.yaml'));
    fs.symlinkSync(outsideFile, path.join(dir, 'b\u202egnp.yaml'));
    const r = read([dir]);
    expect(r.warnings).toEqual([
      `${dir}/a\\ncdk8s-netpol: all good.yaml: skipped, a symbolic link that leads outside ${dir}`,
      `${dir}/b\\u202egnp.yaml: skipped, a symbolic link that leads outside ${dir}`,
    ]);
    for (const w of r.warnings) expect(w).not.toMatch(/[\n\u202e]/);
  });
});

describe('special files are never read', () => {
  test('a FIFO found in a directory is skipped (never opened: the read would wait forever)', () => {
    execFileSync('mkfifo', [path.join(dir, 'x.yaml')]);
    const r = read([dir]);
    expect(r.names).toEqual(['ok']);
    expect(r.warnings).toEqual([`${dir}/x.yaml: skipped, a FIFO (named pipe), not a regular file`]);
  });

  test('a FIFO named explicitly is an error naming it', () => {
    const fifo = path.join(dir, 'x.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(thrown(() => readInputs([fifo])).message)
      .toBe(`${fifo}: a FIFO (named pipe), not a regular file: only files, directories and - (standard input) are read`);
  });

  test('/dev/zero and /dev/null named explicitly are errors; a link to a device inside the tree is skipped', () => {
    expect(thrown(() => readInputs(['/dev/zero'])).message)
      .toBe('/dev/zero: a character device, not a regular file: only files, directories and - (standard input) are read');
    expect(thrown(() => readInputs(['/dev/null'])).message).toMatch(/^\/dev\/null: a character device, not a regular file/);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    expect(read([dir]).warnings).toEqual([`${dir}/zero.yaml: skipped, a symbolic link that leads outside ${dir}`]);
  });

  test('a socket found in a directory is skipped', async () => {
    const socket = path.join(dir, 's.yaml');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expect(read([dir]).warnings).toEqual([`${socket}: skipped, a socket, not a regular file`]);
      expect(thrown(() => readInputs([socket])).message).toMatch(/s\.yaml: a socket, not a regular file/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('sizes: checked before reading, and never more than one byte past the limit read', () => {
  test('a file larger than 256 MiB (a sparse one: nothing to read) is an error naming it', () => {
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, LIMITS.maxInputBytes + 1);
    expect(thrown(() => readInputs([big])).message).toBe(`${big}: larger than 256 MiB, the limit of one input`);
    expect(thrown(() => readInputs([dir])).message).toBe(`${big}: larger than 256 MiB, the limit of one input`);
  });

  test('a /proc file says its size is 0: the read itself is bounded', () => {
    expect(fs.statSync('/proc/self/status').size).toBe(0);
    expect(thrown(() => readInputs(['/proc/self/status'], { limits: { maxInputBytes: 16 } })).message)
      .toBe('/proc/self/status: larger than 16 bytes, the limit of one input');
  });

  test('the inputs together are bounded', () => {
    const a = path.join(dir, 'ok.yaml');
    const size = fs.statSync(a).size;
    expect(read([a, a], { maxTotalBytes: 2 * size }).names).toEqual(['ok', 'ok']);
    expect(thrown(() => readInputs([a, a, a], { limits: { maxTotalBytes: 2 * size } })).message)
      .toBe(`${a}: the inputs together are larger than ${2 * size} bytes, the limit of all inputs`);
    expect(thrown(() => readInputs([a, '-'], { stdin: 'x'.repeat(size), limits: { maxTotalBytes: 2 * size - 1 } })).message)
      .toBe(`<stdin>: the inputs together are larger than ${2 * size - 1} bytes, the limit of all inputs`);
  });

  test('standard input is bounded like a file, as text or as bytes', () => {
    expect(thrown(() => readInputs(['-'], { stdin: 'x'.repeat(11), limits: { maxInputBytes: 10 } })).message)
      .toBe('<stdin>: larger than 10 bytes, the limit of one input');
    expect(thrown(() => readInputs(['-'], { stdin: () => new Uint8Array(11), limits: { maxInputBytes: 10 } })).message)
      .toBe('<stdin>: larger than 10 bytes, the limit of one input');
    // é is two bytes: the limit is in bytes, as kubectl's
    expect(thrown(() => readInputs(['-'], { stdin: 'é'.repeat(6), limits: { maxInputBytes: 10 } })).message)
      .toBe('<stdin>: larger than 10 bytes, the limit of one input');
  });

  test('the objects of all inputs together are bounded (documents and List items)', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n${[1, 2, 3].map((i) => `- {apiVersion: v1, kind: Namespace, metadata: {name: n${i}}}`).join('\n')}\n`;
    expect(readInputs(['-'], { stdin: list, limits: { maxObjects: 3 } })).toHaveLength(3);
    expect(thrown(() => readInputs([path.join(dir, 'ok.yaml'), '-'], { stdin: list, limits: { maxObjects: 3 } })).message)
      .toBe('<stdin>: the inputs together hold more than 3 objects, the limit of all inputs');
  });

  test('the figures are those of LIMITS', () => {
    expect(thrown(() => readInputs(['-'], { stdin: 'x', limits: { maxTotalBytes: 0 } })).message)
      .toBe('<stdin>: the inputs together are larger than 0 bytes, the limit of all inputs');
    const many = Array.from({ length: LIMITS.maxObjects + 1 }, (_, i) => `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"n${i}"}}`);
    expect(thrown(() => readInputs(['-'], { stdin: `[${many.join(',')}]` })).message)
      .toBe('<stdin>: the inputs together hold more than 200,000 objects, the limit of all inputs');
    expect(LIMITS.maxTotalBytes).toBe(512 * 1024 * 1024);
  });
});

describe('text must be UTF-8, as kubectl reads it', () => {
  test('an invalid byte is an error naming the file, the line and the column (in characters: é is one)', () => {
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('apiVersion: v1\nkind: Namespace\nmetadata: {name: "é'), Buffer.from([0xff]), Buffer.from('"}\n')]));
    expect(thrown(() => readInputs([file])).message)
      .toBe(`${file}:3:20: not valid UTF-8 text (byte 0xFF): manifests are read as UTF-8, as kubectl reads them`);
    expect(thrown(() => readInputs([dir])).message).toMatch(/bad\.yaml:3:20: not valid UTF-8 text/);
  });

  test('what a lenient decoder would let through: overlong forms, surrogates, truncated sequences, past U+10FFFF', () => {
    const cases: [number[], string][] = [
      [[0xc0, 0x80], 'byte 0xC0'], // an overlong NUL
      [[0xe0, 0x80, 0xaf], 'byte 0xE0'], // an overlong slash
      [[0xed, 0xa0, 0x80], 'byte 0xED'], // a surrogate
      [[0xf4, 0x90, 0x80, 0x80], 'byte 0xF4'], // past U+10FFFF
      [[0x61, 0xe2, 0x82], 'byte 0xE2'], // cut short at the end
      [[0x80], 'byte 0x80'], // a lone continuation byte
    ];
    for (const [bytes, what] of cases) {
      expect(thrown(() => readInputs(['-'], { stdin: new Uint8Array(bytes) })).message).toMatch(new RegExp(`^<stdin>:1:\\d: not valid UTF-8 text \\(${what}\\)`));
    }
  });

  test('UTF-16 is named as such', () => {
    const file = path.join(dir, 'utf16.yaml');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(namespace('x'), 'utf16le')]));
    expect(thrown(() => readInputs([file])).message)
      .toBe(`${file}:1:1: not valid UTF-8 text (UTF-16 text (by its byte-order mark)): manifests are read as UTF-8, as kubectl reads them`);
  });

  test('a UTF-8 byte-order mark is fine, and so is any valid character', () => {
    const file = path.join(dir, 'bom.yaml');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('apiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {x: "😀 ü 中"}}\n')]));
    expect(readInputs([file]).map((d) => d.object.metadata.labels.x)).toEqual(['😀 ü 中']);
    expect(readInputs(['-'], { stdin: Buffer.from(namespace('from-bytes')) }).map((d) => d.object.metadata.name)).toEqual(['from-bytes']);
  });
});
