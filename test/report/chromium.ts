/**
 * Headless chromium (Debian's `chromium`) for the HTML report's tests, as the screenshot test
 * always launched it: `--screenshot` and `--dump-dom`, no DevTools protocol, no dependency.
 *
 * `inPage` loads the report in an iframe of a harness page (`srcdoc`: same origin as the
 * harness, the report's own Content-Security-Policy applies inside it); once the report has
 * loaded (its script has run), the harness runs `steps` on its document (type into the search
 * box, click a button) and writes what they return, base64-encoded JSON, into an attribute that
 * `--dump-dom` prints. The same harness, with `--screenshot`, shows the report after the steps.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => spawnSync('which', [c]).status === 0);

export const WIDTH = 1280;
export const HEIGHT = 1000;

function run(page: string, mode: string[], dir: string): string {
  return execFileSync(CHROMIUM!, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars',
    `--user-data-dir=${path.join(dir, 'profile')}`, `--window-size=${WIDTH},${HEIGHT}`, ...mode, `file://${page}`,
  ], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, maxBuffer: 512 * 1024 * 1024 }).toString();
}

function harness(html: string, steps: string): string {
  const source = JSON.stringify(html).replace(/</g, '\\u003c');
  return `<!DOCTYPE html><html><head><style>body{margin:0}iframe{border:0;width:${WIDTH}px;height:${HEIGHT}px;display:block}</style></head><body><iframe id="f"></iframe><script>
const f = document.getElementById('f');
f.addEventListener('load', () => {
  let result;
  try {
    result = (function (doc, win) { ${steps} })(f.contentDocument, f.contentWindow);
  } catch (e) {
    result = { harnessError: String((e && e.stack) || e) };
  }
  document.body.setAttribute('data-result', btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(result === undefined ? null : result)))));
});
f.srcdoc = ${source};
</script></body></html>`;
}

/** A fresh directory for one chromium run (its profile, the pages). */
function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-chromium-'));
}

/**
 * Loads the report, runs `steps` (the body of a function of `doc` and `win`, the report's
 * document and window) once it has loaded, and returns what they return.
 */
export function inPage<T = any>(html: string, steps: string): T {
  const dir = tempDir();
  const page = path.join(dir, 'harness.html');
  fs.writeFileSync(page, harness(html, steps));
  const dumped = run(page, ['--dump-dom'], dir);
  const encoded = /<body data-result="([A-Za-z0-9+/=]*)"/.exec(dumped);
  if (!encoded) throw new Error(`the harness did not run: ${dumped.slice(0, 500)}`);
  const result = JSON.parse(Buffer.from(encoded[1], 'base64').toString('utf8'));
  if (result && typeof result === 'object' && 'harnessError' in result) throw new Error(`in the page: ${result.harnessError}`);
  return result;
}

/**
 * A screenshot (PNG) of the report after `steps` (none: as it opens), also kept in
 * test-reports/<name>.png for a human to look at.
 */
export function screenshot(html: string, name: string, steps = ''): Buffer {
  const dir = tempDir();
  const page = path.join(dir, `${name}.html`);
  const png = path.join(dir, `${name}.png`);
  fs.writeFileSync(page, steps ? harness(html, steps) : html);
  run(page, [`--screenshot=${png}`], dir);
  const data = fs.readFileSync(png);
  fs.mkdirSync('test-reports', { recursive: true });
  fs.writeFileSync(path.join('test-reports', `${name}.png`), data);
  return data;
}

/** The describe of a chromium test: skipped (saying why) without chromium, a failure in CI. */
export function describeWithChromium(what: string): jest.Describe {
  if (!CHROMIUM && process.env.CI) {
    throw new Error(`${what}: no chromium on PATH in CI; .ci/run installs it with: apt-get install -y chromium`);
  }
  if (!CHROMIUM) {
    // eslint-disable-next-line no-console
    console.warn(`${what}: skipped, no chromium on PATH (install it with: apt-get install -y chromium)`);
    return describe.skip;
  }
  return describe;
}
