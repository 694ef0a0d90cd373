/**
 * `npx tsx bench/csv-readers.ts --dir DIR [--files star.csv,...] [--only a,b] [--repeat 3]`
 *
 * Times CSV readers tokenizing each cohort file into rows of string cells (delivered to a
 * handler that only counts them), each candidate in its own process so its peak RSS is its
 * own: the workbench's streaming reader (`readCsvFile`, several chunk sizes, with and
 * without hashing), the old papaparse-based `parseCsv` and the new one (both keep every
 * row), papaparse alone on the whole text, and, when installed in /tmp/csvcand
 * (`npm i --prefix /tmp/csvcand csv-parse d3-dsv udsv`, never into the project), csv-parse
 * (streaming), d3-dsv (whole text, rows not kept) and uDSV (chunked, rows not kept); and
 * pandas read_csv (dtype=str and default) when /usr/bin/python3 has it. Whole-text
 * candidates cannot read a file of more than ~512 M characters; they are skipped there.
 * Prints a Markdown table (wall min and median, CPU min, peak RSS) and each run's cell count.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { uptime, loadavg } from 'node:os';
import Papa from 'papaparse';
import { createCsvStream, type CsvRowHandler } from '../src/io/csv-stream.js';
import { readCsvFile } from '../src/io/read-csv-file.js';
import { parseCsv } from '../src/io/parse-csv.js';

const CAND = '/tmp/csvcand/node_modules';
const PY = '/usr/bin/python3';
const STRING_LIMIT = 536_870_888;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

interface Result {
  candidate: string;
  seconds: Record<string, number>;
  total: number;
  /** CPU seconds (user + system, all threads) for all the files: steadier than wall time on a shared machine. */
  cpu: number;
  peakRssMB: number;
  cells: number;
  skipped?: string;
}

/** Counts rows and cells: the work every candidate must at least do. */
let cells = 0;
const counter: CsvRowHandler = {
  header: (h) => {
    cells += h.length;
  },
  row: (r) => {
    cells += r.length;
  },
};

const decode = (path: string) => new TextDecoder('utf-8').decode(readFileSync(path));

/** The reader parseCsv was before this change (papaparse over the whole text), for "before" numbers. */
function oldParseCsv(text: string): string[][] {
  const body = text.indexOf('\r\n') === -1 ? text : text.replaceAll('\r\n', '\n');
  return Papa.parse<string[]>(body, { delimiter: ',', newline: '\n', header: false, skipEmptyLines: false, dynamicTyping: false, quoteChar: '"', escapeChar: '"' }).data;
}

function streamNoHash(path: string, chunkBytes: number): void {
  const s = createCsvStream(path, counter, []);
  const buf = Buffer.allocUnsafe(chunkBytes);
  const fd = openSync(path, 'r');
  for (;;) {
    const got = readSync(fd, buf, 0, buf.length, null);
    if (got === 0) break;
    s.push(buf.subarray(0, got));
  }
  closeSync(fd);
  s.end();
}

async function load(rel: string): Promise<any> {
  const p = join(CAND, rel);
  if (!existsSync(p)) return null;
  return import(p);
}

/** One candidate reading one file; resolves when done. */
async function runOne(candidate: string, path: string): Promise<void> {
  const m = /^stream(-nohash)?-(\d+)k$/.exec(candidate);
  if (m) {
    const chunk = Number(m[2]) * 1024;
    if (m[1]) streamNoHash(path, chunk);
    else readCsvFile(path, path, counter, [], { chunkBytes: chunk });
    return;
  }
  switch (candidate) {
    case 'parseCsv-new': {
      const t = parseCsv(decode(path), path).table!;
      cells += t.header.length + t.rows.length * t.header.length;
      return;
    }
    case 'parseCsv-old':
    case 'papaparse': {
      const rows = oldParseCsv(decode(path));
      for (const r of rows) cells += r.length;
      return;
    }
    case 'csv-parse': {
      const { parse } = await load('csv-parse/lib/index.js');
      const parser = parse({ delimiter: ',', bom: true, relax_column_count: true });
      parser.on('readable', () => {
        let r: string[] | null;
        while ((r = parser.read()) !== null) cells += r.length;
      });
      await new Promise<void>((res, rej) => {
        parser.on('end', res);
        parser.on('error', rej);
        createReadStream(path, { highWaterMark: 1 << 20 }).pipe(parser);
      });
      return;
    }
    case 'd3-dsv': {
      const { csvParseRows } = await load('d3-dsv/dist/d3-dsv.mjs');
      csvParseRows(decode(path), (r: string[]) => {
        cells += r.length;
        return null;
      });
      return;
    }
    case 'udsv': {
      const { inferSchema, initParser } = await load('udsv/dist/uDSV.mjs');
      const dec = new TextDecoder('utf-8');
      let parser: any = null;
      const buf = Buffer.allocUnsafe(1 << 20);
      const fd = openSync(path, 'r');
      for (;;) {
        const got = readSync(fd, buf, 0, buf.length, null);
        const str = got === 0 ? dec.decode() : dec.decode(buf.subarray(0, got), { stream: true });
        if (str) {
          parser ??= initParser(inferSchema(str, { col: ',' }));
          parser.chunk(str, parser.stringArrs, (r: string[]) => {
            cells += r.length;
          });
        }
        if (got === 0) break;
      }
      closeSync(fd);
      parser.end();
      return;
    }
  }
  throw new Error(`unknown candidate ${candidate}`);
}

const WHOLE_TEXT = new Set(['parseCsv-new', 'parseCsv-old', 'papaparse', 'd3-dsv']);
const PEERS: Record<string, string> = { 'csv-parse': 'csv-parse/lib/index.js', 'd3-dsv': 'd3-dsv/dist/d3-dsv.mjs', udsv: 'udsv/dist/uDSV.mjs' };

async function child(candidate: string, files: string[]): Promise<void> {
  const seconds: Record<string, number> = {};
  let total = 0;
  const c0 = process.cpuUsage();
  for (const f of files) {
    const t = performance.now();
    await runOne(candidate, f);
    const s = (performance.now() - t) / 1000;
    seconds[f.split('/').pop()!] = s;
    total += s;
  }
  const c = process.cpuUsage(c0);
  const r: Result = { candidate, seconds, total, cpu: (c.user + c.system) / 1e6, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), cells };
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

function pandas(dtype: 'str' | 'default', files: string[]): Result | null {
  const script = `
import json, sys, time, resource
import pandas as pd
secs = {}
total = 0
cells = 0
c0 = time.process_time()
for f in sys.argv[2:]:
    t = time.perf_counter()
    df = pd.read_csv(f, dtype=str, keep_default_na=False) if sys.argv[1] == 'str' else pd.read_csv(f)
    s = time.perf_counter() - t
    secs[f.split('/')[-1]] = s
    total += s
    cells += df.size + df.shape[1]
    del df
print(json.dumps({"candidate": "pandas-" + sys.argv[1], "seconds": secs, "total": total, "cpu": time.process_time() - c0, "cells": int(cells),
  "peakRssMB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
`;
  const out = spawnSync(PY, ['-c', script, dtype, ...files], { encoding: 'utf8' });
  if (out.status !== 0) return null;
  return JSON.parse(out.stdout.trim()) as Result;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]!, process.argv.slice(4));
  const dir = arg('--dir') ?? 'scratch/c100k';
  const files = (arg('--files') ?? 'families.csv,children.csv,star.csv,plans.csv').split(',').map((f) => join(dir, f));
  const repeat = Number(arg('--repeat') ?? 3);
  const all = [
    'stream-64k', 'stream-256k', 'stream-1024k', 'stream-4096k', 'stream-16384k', 'stream-nohash-1024k',
    'parseCsv-new', 'parseCsv-old', 'csv-parse', 'd3-dsv', 'udsv', 'pandas-str', 'pandas-default',
  ];
  const only = arg('--only')?.split(',');
  const candidates = all.filter((c) => !only || only.includes(c));
  const tooBig = files.some((f) => statSync(f).size > STRING_LIMIT);
  process.stderr.write(`load before: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (up ${Math.round(uptime())} s)\n`);
  const table: string[] = [];
  for (const c of candidates) {
    if (PEERS[c] && !existsSync(join(CAND, PEERS[c]))) {
      table.push(`| ${c} | not installed | | | | |`);
      continue;
    }
    if (WHOLE_TEXT.has(c) && tooBig) {
      table.push(`| ${c} | cannot: a file passes the JavaScript string limit | | | | |`);
      continue;
    }
    const runs: Result[] = [];
    for (let k = 0; k < repeat; k++) {
      let r: Result | null;
      if (c.startsWith('pandas-')) r = pandas(c === 'pandas-str' ? 'str' : 'default', files);
      else {
        const out = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', new URL(import.meta.url).pathname, '--child', c, ...files], { encoding: 'utf8' });
        r = out.status === 0 ? (JSON.parse(out.stdout.trim().split('\n').pop()!) as Result) : null;
        if (!r) process.stderr.write(`${c} failed: ${out.stderr.slice(-500)}\n`);
      }
      if (!r) break;
      runs.push(r);
      process.stderr.write(`  ${c}: ${r.total.toFixed(2)} s, cpu ${r.cpu.toFixed(2)} s, ${r.peakRssMB} MB, ${r.cells} cells; ${Object.entries(r.seconds).map(([f, s]) => `${f} ${s.toFixed(2)}`).join(', ')}\n`);
    }
    if (runs.length === 0) {
      table.push(`| ${c} | failed | | | | |`);
      continue;
    }
    const totals = runs.map((r) => r.total).sort((a, b) => a - b);
    const perFile = Object.keys(runs[0]!.seconds)
      .map((f) => `${f.replace('.csv', '')} ${Math.min(...runs.map((r) => r.seconds[f]!)).toFixed(2)}`)
      .join(', ');
    const cpu = Math.min(...runs.map((r) => r.cpu));
    table.push(`| ${c} | ${totals[0]!.toFixed(2)} | ${totals[Math.floor(totals.length / 2)]!.toFixed(2)} | ${cpu.toFixed(2)} | ${Math.max(...runs.map((r) => r.peakRssMB))} | ${perFile} |`);
  }
  process.stderr.write(`load after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  console.log(`| candidate | wall min s | wall median s | CPU min s | peak RSS MB | per file (wall min s) |\n|---|---|---|---|---|---|\n${table.join('\n')}`);
}

await main();
