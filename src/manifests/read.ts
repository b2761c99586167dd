/**
 * Reading inputs: files, directories (recursively) and standard input, each parsed by
 * `parseManifests`.
 *
 * The inputs may be a pull request's content, so nothing here trusts them: only regular files
 * are read (never a FIFO, a socket or a device), each read is bounded (`LIMITS`, never more
 * than one byte past the limit, whatever size the file reports), text must be UTF-8, and a
 * symbolic link found in a directory is followed only when it stays inside that directory.
 * Paths named on the command line are the caller's choice and are followed as given.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ManifestDoc, ManifestError } from './describe';
import { LIMITS } from './limits';
import { isKubernetesObject, parseManifests } from './parse';
import { compare, terminalText } from '../text';

/**
 * Where standard input comes from: its text or bytes, or a function that reads them (called
 * once, if `-` is given). Bytes are decoded as UTF-8, strictly.
 */
export type StdinSource = string | Uint8Array | (() => string | Uint8Array);

/** The limits `readInputs` applies; `LIMITS` (src/manifests/limits.ts) by default. */
export interface InputLimits {
  /** bytes of one input (a file, or standard input) */
  readonly maxInputBytes: number;
  /** bytes of all inputs together */
  readonly maxTotalBytes: number;
  /** objects (documents and `List` items) of all inputs together */
  readonly maxObjects: number;
}

/** Options of `readInputs`. */
export interface ReadInputsOptions {
  /** standard input, for the path `-` (default: the process's stdin, read in bounded chunks) */
  readonly stdin?: StdinSource;
  /**
   * told about files found in a directory that were skipped: they hold no Kubernetes object,
   * they are not regular files, or they are symbolic links that lead outside the directory
   */
  readonly onWarning?: (message: string) => void;
  /** limits other than `LIMITS` (tests use small ones) */
  readonly limits?: Partial<InputLimits>;
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_DIRECTORIES = new Set(['node_modules']);
/** symbolic links followed in a row before giving up, as the kernel does (ELOOP) */
const MAX_LINKS = 40;
const STDIN = '<stdin>';

/**
 * Reads manifests from files, directories (recursively: `*.yaml`, `*.yml`, `*.json`, in sorted
 * order, skipping `node_modules` and hidden directories) and `-` (standard input).
 *
 * A file named explicitly must hold only Kubernetes objects (`apiVersion` and `kind`). A file
 * found in a directory that holds no Kubernetes object at all (a `package.json`, a Helm
 * `values.yaml`) is skipped, with a warning; so is one that is not a regular file, or a symbolic
 * link that leads outside the directory given (directory links are never followed). Throws a
 * `ManifestError` naming the file for input that cannot be read or parsed, that is not a regular
 * file (named explicitly), that is larger than the limits, or that is not UTF-8.
 */
export function readInputs(paths: readonly string[], options: ReadInputsOptions = {}): ManifestDoc[] {
  const budget = new Budget({ ...defaultLimits(), ...options.limits });
  const warn = (message: string) => options.onWarning?.(message);
  const docs: ManifestDoc[] = [];
  let stdinRead = false;
  for (const p of paths) {
    if (p === '-') {
      if (stdinRead) throw new ManifestError('standard input can only be read once', STDIN);
      stdinRead = true;
      const text = readStdin(options.stdin, budget);
      docs.push(...checked(budget.objects(parseManifests(text, STDIN), STDIN)));
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p); // named by the caller: a link is followed
    } catch (e) {
      throw new ManifestError(describeFsError(e, 'no such file or directory'), show(p));
    }
    if (stat.isDirectory()) {
      const files = findManifestFiles(p, warn);
      if (files.length === 0) warn(`${show(p)}: no *.yaml, *.yml or *.json file found`);
      for (const file of files) {
        const found = budget.objects(parseManifests(readFile(file.open, file.path, budget, true), file.path), file.path);
        if (found.length > 0 && !found.some((d) => isKubernetesObject(d.object))) {
          warn(`${show(file.path)}: skipped, it holds no Kubernetes object`);
          continue;
        }
        docs.push(...checked(found));
      }
    } else if (stat.isFile()) {
      docs.push(...checked(budget.objects(parseManifests(readFile(p, p, budget, false), p), p)));
    } else {
      throw new ManifestError(`${fileKind(stat)}, not a regular file: only files, directories and - (standard input) are read`, show(p));
    }
  }
  return docs;
}

function defaultLimits(): InputLimits {
  return { maxInputBytes: LIMITS.maxInputBytes, maxTotalBytes: LIMITS.maxTotalBytes, maxObjects: LIMITS.maxObjects };
}

/** What all inputs of one call have used so far: bytes and objects. */
class Budget {
  private bytes = 0;
  private count = 0;

  public constructor(public readonly limits: InputLimits) {}

  /** The most bytes the next input may have. */
  public get maxNext(): number {
    return Math.max(0, Math.min(this.limits.maxInputBytes, this.limits.maxTotalBytes - this.bytes));
  }

  /** Throws when an input of `size` bytes, named `shown`, would be past a limit. */
  public check(size: number, shown: string): void {
    if (size > this.limits.maxInputBytes) {
      throw new ManifestError(`larger than ${formatBytes(this.limits.maxInputBytes)}, the limit of one input`, shown);
    }
    if (this.bytes + size > this.limits.maxTotalBytes) {
      throw new ManifestError(`the inputs together are larger than ${formatBytes(this.limits.maxTotalBytes)}, the limit of all inputs`, shown);
    }
  }

  /** Counts `size` bytes read from the input named `shown`, or throws when that is past a limit. */
  public take(size: number, shown: string): void {
    this.check(size, shown);
    this.bytes += size;
  }

  /** Counts the objects of one input, or throws when all inputs together have too many. */
  public objects(docs: ManifestDoc[], source: string): ManifestDoc[] {
    this.count += docs.length;
    if (this.count > this.limits.maxObjects) {
      throw new ManifestError(
        `the inputs together hold more than ${this.limits.maxObjects.toLocaleString('en-US')} objects, the limit of all inputs`, show(source));
    }
    return docs;
  }
}

/** `256 MiB`, `1 KiB`, `100 bytes`. */
function formatBytes(n: number): string {
  for (const [unit, size] of [['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]] as const) {
    if (n >= size && n % size === 0) return `${n / size} ${unit}`;
  }
  return n === 1 ? '1 byte' : `${n} bytes`;
}

/** Every document must be a Kubernetes object. */
function checked(docs: ManifestDoc[]): ManifestDoc[] {
  for (const d of docs) {
    if (!isKubernetesObject(d.object)) {
      const missing = ['apiVersion', 'kind'].filter((k) => typeof d.object[k] !== 'string');
      throw new ManifestError(
        `document ${d.index + 1}${d.item !== undefined ? `, item ${d.item + 1},` : ''} is not a Kubernetes object: it has no ${missing.join(' or ')}`,
        d.source, d.line);
    }
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------
// reading bytes, bounded

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/**
 * The text of a regular file, read with at most one byte past the limit. `open` is the path to
 * open (the target of a link found in a directory), `shown` the name in messages. A file found
 * in a directory is opened without following a link (`noFollow`): it was resolved already.
 * Opening never blocks (a FIFO swapped in after the check is refused by `fstat`, not waited on).
 */
function readFile(open: string, shown: string, budget: Budget, noFollow: boolean): string {
  let fd: number;
  try {
    // eslint-disable-next-line no-bitwise
    fd = fs.openSync(open, fs.constants.O_RDONLY | O_NONBLOCK | (noFollow ? O_NOFOLLOW : 0));
  } catch (e) {
    throw new ManifestError(describeFsError(e, 'cannot read'), show(shown));
  }
  let bytes: Uint8Array;
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new ManifestError(`${fileKind(stat)}, not a regular file`, show(shown));
    budget.check(stat.size, show(shown)); // the size it reports (0 for /proc files), before reading
    bytes = readBounded(fd, budget.maxNext, stat.size, show(shown));
  } finally {
    fs.closeSync(fd);
  }
  budget.take(bytes.length, show(shown)); // what was read: at most one byte past the limit
  return decodeUtf8(bytes, show(shown));
}

/**
 * At most `max + 1` bytes of `fd`, in chunks (`sizeHint` sizes the first one): a result longer
 * than `max` means the input is past the limit. Waits and tries again when a non-blocking
 * descriptor has nothing yet (standard input may be one).
 */
function readBounded(fd: number, max: number, sizeHint: number, shown: string): Uint8Array {
  let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(max + 1, sizeHint > 0 ? sizeHint + 1 : 64 * 1024)));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > max) break;
      const bigger = Buffer.allocUnsafe(Math.min(max + 1, buffer.length * 2));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    let read: number;
    try {
      read = fs.readSync(fd, buffer, length, buffer.length - length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException)?.code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw new ManifestError(describeFsError(e, 'cannot read'), shown);
    }
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

/** Standard input, bounded like a file: in chunks from the process, or as given. */
function readStdin(stdin: StdinSource | undefined, budget: Budget): string {
  let data: string | Uint8Array;
  if (stdin === undefined) {
    data = readStdinFd(budget);
  } else {
    try {
      data = typeof stdin === 'function' ? stdin() : stdin;
    } catch (e) {
      if (e instanceof ManifestError) throw e;
      throw new ManifestError(describeFsError(e, 'cannot read'), STDIN);
    }
  }
  if (typeof data === 'string') {
    budget.take(Buffer.byteLength(data, 'utf8'), STDIN);
    return data.replace(/^\uFEFF/, '');
  }
  budget.take(data.length, STDIN);
  return decodeUtf8(data, STDIN);
}

function readStdinFd(budget: Budget): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.fstatSync(0);
  } catch (e) {
    throw new ManifestError(describeFsError(e, 'cannot read'), STDIN);
  }
  if (stat.isDirectory()) throw new ManifestError('is a directory', STDIN);
  // a pipe, a terminal or a file (`< file`): a file's size is checked before reading
  if (stat.isFile()) budget.check(stat.size, STDIN);
  return readBounded(0, budget.maxNext, stat.isFile() ? stat.size : 0, STDIN);
}

/**
 * Bytes as UTF-8, strictly, as kubectl reads manifests (a byte-order mark is dropped): text that
 * is not valid UTF-8 is an error naming the line and column of the first bad byte, never
 * replaced silently.
 */
function decodeUtf8(bytes: Uint8Array, shown: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < at; i++) {
      if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
    }
    const column = [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at))].length + 1;
    const utf16 = at === 0 && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    const what = utf16 ? 'UTF-16 text (by its byte-order mark)' : `byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')}`;
    throw new ManifestError(`not valid UTF-8 text (${what}): manifests are read as UTF-8, as kubectl reads them`, shown, line, column);
  }
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    // the second byte's range excludes overlong forms, surrogates and code points past U+10FFFF
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function describeFsError(e: unknown, fallback: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return `${fallback}: a symbolic link, not followed (ELOOP)`;
    default: return code ? `${fallback} (${code})` : fallback;
  }
}

/** `a FIFO (named pipe)`, `a character device`, ... for a file that is not a regular one. */
function fileKind(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

/**
 * A path as messages show it: file names are the input's too, so a line break, a control or an
 * invisible or bidirectional character in one is shown as an escape (`terminalText`).
 */
function show(p: string): string {
  return terminalText(p);
}

// ---------------------------------------------------------------------------------------------
// directories

/** A manifest file found in a directory: its name there, and the path to open. */
interface FoundFile {
  /** `dir/sub/x.yaml`: the name in messages and the documents' `source` */
  readonly path: string;
  /** the same, or for a link the real path of its target (inside the directory) */
  readonly open: string;
}

/**
 * The manifest files under a directory, recursively, sorted (by path, byte order). Symbolic
 * links to files are listed when they lead to a regular file inside `dir` (realpath within the
 * realpath of `dir`); links that lead outside it, broken ones, and anything that is not a regular
 * file are left out, each with a warning. Links to directories are never followed.
 */
export function listManifestFiles(dir: string, onWarning?: (message: string) => void): string[] {
  return findManifestFiles(dir, onWarning ?? (() => undefined)).map((f) => f.path);
}

function findManifestFiles(dir: string, warn: (message: string) => void): FoundFile[] {
  let root: string;
  try {
    root = fs.realpathSync(dir);
  } catch (e) {
    throw new ManifestError(describeFsError(e, 'cannot read directory'), show(dir));
  }
  const out: FoundFile[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (e) {
      throw new ManifestError(describeFsError(e, 'cannot read directory'), show(d));
    }
    entries.sort((a, b) => compare(a.name, b.name));
    for (const entry of entries) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
        walk(full);
        continue;
      }
      if (!MANIFEST_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) continue;
      if (entry.isFile()) {
        out.push({ path: full, open: full });
      } else if (entry.isSymbolicLink()) {
        const target = resolveInside(root, path.relative(dir, full));
        if (target === OUTSIDE) {
          warn(`${show(full)}: skipped, a symbolic link that leads outside ${show(dir)}`);
          continue;
        }
        if (target === BROKEN) {
          warn(`${show(full)}: skipped, a broken symbolic link`);
          continue;
        }
        const stat = target.stat;
        if (stat.isDirectory()) continue; // directory links are not followed (cycles)
        if (stat.isFile()) out.push({ path: full, open: target.path });
        else warn(`${show(full)}: skipped, a symbolic link to ${fileKind(stat)}, not to a regular file`);
      } else {
        warn(`${show(full)}: skipped, ${entryKind(entry)}, not a regular file`);
      }
    }
  };
  walk(dir);
  return out;
}

function entryKind(entry: fs.Dirent): string {
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  return 'not a file';
}

const OUTSIDE = Symbol('outside');
const BROKEN = Symbol('broken');

/**
 * Where the link at `relative` (a path under `root`, a real directory) leads, resolved one
 * component at a time without ever looking outside `root`: `OUTSIDE` as soon as a `..` or an
 * absolute target leaves it (nothing outside is even stat'ed, so the answer never tells whether
 * a path outside exists), `BROKEN` for a missing target or a loop, otherwise the real path of
 * the target, inside `root`, and what it is.
 */
function resolveInside(root: string, relative: string): { path: string; stat: fs.Stats } | typeof OUTSIDE | typeof BROKEN {
  const rootParts = components(root);
  const pending = components(relative).reverse(); // a stack: the next component is last
  const done: string[] = [];
  let links = 0;
  let stat: fs.Stats | undefined;
  while (pending.length > 0) {
    const part = pending.pop()!;
    if (part === '.') continue;
    if (part === '..') {
      if (done.length === 0) return OUTSIDE;
      done.pop();
      stat = undefined;
      continue;
    }
    const here = path.join(root, ...done, part);
    try {
      stat = fs.lstatSync(here);
    } catch {
      return BROKEN;
    }
    if (stat.isSymbolicLink()) {
      if (++links > MAX_LINKS) return BROKEN;
      let target: string;
      try {
        target = fs.readlinkSync(here);
      } catch {
        return BROKEN;
      }
      const targetParts = components(target);
      if (path.isAbsolute(target)) {
        // inside only when it starts with the root's own path, written as it is
        if (targetParts.length < rootParts.length || rootParts.some((r, i) => targetParts[i] !== r)) return OUTSIDE;
        done.length = 0;
        pending.push(...targetParts.slice(rootParts.length).reverse());
      } else {
        pending.push(...targetParts.reverse());
      }
      stat = undefined;
      continue;
    }
    if (pending.length > 0 && !stat.isDirectory()) return BROKEN;
    done.push(part);
  }
  const resolved = path.join(root, ...done);
  return { path: resolved, stat: stat ?? fs.lstatSync(resolved) };
}

/** The non-empty components of a path (`/a//b/` -> `['a', 'b']`; the drive stays on Windows). */
function components(p: string): string[] {
  return p.split(path.sep === '\\' ? /[\\/]/ : '/').filter((c) => c !== '');
}
