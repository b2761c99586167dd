/**
 * Reading inputs: files, directories (recursively) and standard input, each parsed by
 * `parseManifests`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ManifestDoc, ManifestError } from './describe';
import { isKubernetesObject, parseManifests } from './parse';
import { compare } from '../text';

/** Where standard input comes from: its text, or a function that reads it (called once, if `-` is given). */
export type StdinSource = string | (() => string);

/** Options of `readInputs`. */
export interface ReadInputsOptions {
  /** standard input, for the path `-` (default: the process's stdin) */
  readonly stdin?: StdinSource;
  /** told about files that were skipped because they hold no Kubernetes object */
  readonly onWarning?: (message: string) => void;
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/**
 * Reads manifests from files, directories (recursively: `*.yaml`, `*.yml`, `*.json`, in sorted
 * order, skipping `node_modules` and hidden directories) and `-` (standard input).
 *
 * A file named explicitly must hold only Kubernetes objects (`apiVersion` and `kind`). A file
 * found in a directory that holds no Kubernetes object at all (a `package.json`, a Helm
 * `values.yaml`) is skipped, with a warning. Throws a `ManifestError` for input that cannot be
 * read or parsed.
 */
export function readInputs(paths: readonly string[], options: ReadInputsOptions = {}): ManifestDoc[] {
  const docs: ManifestDoc[] = [];
  let stdinRead = false;
  for (const p of paths) {
    if (p === '-') {
      if (stdinRead) throw new ManifestError('standard input can only be read once', '<stdin>');
      stdinRead = true;
      const text = readStdin(options.stdin);
      docs.push(...checked(parseManifests(text, '<stdin>')));
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw new ManifestError(describeFsError(e, 'no such file or directory'), p);
    }
    if (stat.isDirectory()) {
      const files = listManifestFiles(p);
      if (files.length === 0) options.onWarning?.(`${p}: no *.yaml, *.yml or *.json file found`);
      for (const file of files) {
        const found = parseManifests(readText(file), file);
        if (found.length > 0 && !found.some((d) => isKubernetesObject(d.object))) {
          options.onWarning?.(`${file}: skipped, it holds no Kubernetes object`);
          continue;
        }
        docs.push(...checked(found));
      }
    } else {
      docs.push(...checked(parseManifests(readText(p), p)));
    }
  }
  return docs;
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

function readStdin(stdin: StdinSource | undefined): string {
  if (typeof stdin === 'string') return stdin;
  try {
    return typeof stdin === 'function' ? stdin() : fs.readFileSync(0, 'utf8');
  } catch (e) {
    if (e instanceof ManifestError) throw e;
    throw new ManifestError(describeFsError(e, 'cannot read'), '<stdin>');
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new ManifestError(describeFsError(e, 'cannot read'), file);
  }
}

function describeFsError(e: unknown, fallback: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    default: return code ? `${fallback} (${code})` : fallback;
  }
}

/** The manifest files under a directory, recursively, sorted (by path, byte order). */
export function listManifestFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (e) {
      throw new ManifestError(describeFsError(e, 'cannot read directory'), d);
    }
    entries.sort((a, b) => compare(a.name, b.name));
    for (const entry of entries) {
      const full = path.join(d, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const s = fs.statSync(full);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch {
          continue; // a dangling link
        }
        if (isDir) continue; // do not follow directory links (cycles)
      }
      if (isDir) {
        if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
        walk(full);
      } else if (isFile && MANIFEST_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out;
}
