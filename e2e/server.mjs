// Starts the `mouse` binary in demo mode on a fresh SQLite database and a free
// port, for the browser tests. Not a test file itself (node --test only picks
// up *.test.mjs).
//
//   const server = await startServer();
//   server.baseUrl   // e.g. "http://127.0.0.1:41234"
//   server.output()  // everything the process printed so far (stdout + stderr)
//   server.printOutput('why')  // ...written to this process's stderr, for failures
//   await server.stop();

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The binary under test: $MOUSE_BIN, else the workspace's debug build. */
export const MOUSE_BIN = path.resolve(process.env.MOUSE_BIN || path.resolve(E2E_DIR, '../target/debug/mouse'));

// The app announces its address on stdout once it listens. Port 0 is what we
// asked for, not where it listens, so it never counts.
const URL_PATTERN = /http:\/\/127\.0\.0\.1:([1-9]\d*)/;

// Log lines may carry terminal colour codes; they would split the URL.
// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\u001b\[[0-9;]*[A-Za-z]/g;

// Keep at most this much of the process's output, the newest part.
const MAX_LOG = 256 * 1024;

/**
 * Start `mouse demo` and resolve once it prints its base URL.
 *
 * @param {{ bin?: string, timeoutMs?: number }} [options]
 * @returns {Promise<{ baseUrl: string, output: () => string, printOutput: (why?: string) => void, stop: () => Promise<void> }>}
 */
export async function startServer({ bin = MOUSE_BIN, timeoutMs = 60_000 } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'mouse-e2e-'));
  const database = `sqlite://${path.join(dir, 'e2e.db')}`;
  const args = ['demo', '--database', database, '--bind', '127.0.0.1:0'];

  let log = '';
  const record = (text) => {
    log += text;
    if (log.length > MAX_LOG) log = log.slice(-MAX_LOG);
  };
  const output = () => log;
  const printOutput = (why = 'test failed') => {
    process.stderr.write(`\n--- mouse server output (${why}) ---\n${output()}\n--- end of mouse server output ---\n`);
  };

  const child = spawn(bin, args, {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', RUST_BACKTRACE: process.env.RUST_BACKTRACE ?? '1' },
  });

  // If the test process dies without calling stop(), do not leave the server behind.
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  // Read both pipes to the end, all the time: a full pipe would block the server.
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', record);
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });

  try {
    const baseUrl = await new Promise((resolve, reject) => {
      const fail = (why) => {
        reject(
          new Error(
            `mouse server did not start: ${why}\n` +
              `  command: ${bin} ${args.join(' ')}\n` +
              `  output:\n${indent(output() || '(nothing)')}`,
          ),
        );
      };
      const timer = setTimeout(
        () => fail(`no line with a URL like http://127.0.0.1:PORT on stdout within ${timeoutMs / 1000} s`),
        timeoutMs,
      );
      lines.on('line', (line) => {
        record(line + '\n');
        const match = line.replace(ANSI_ESCAPE, '').match(URL_PATTERN);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        const hint = err.code === 'ENOENT' ? ' (build it with `cargo build --bin mouse`, or set MOUSE_BIN)' : '';
        fail(`cannot run ${bin}: ${err.message}${hint}`);
      });
      // 'close' rather than 'exit': by then all it printed has been read.
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        fail(`the process exited (code ${code}, signal ${signal}) before printing its URL`);
      });
    });
    return { baseUrl, output, printOutput, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function indent(text) {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    | ${line}`)
    .join('\n');
}
