/** Machine facts and the Markdown table of the access-log benchmark; updates its own section of BENCHMARKS.md. */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { Evaluation } from '../../src/modules/logaudit/eval/evaluate.js';

export interface SizeResult {
  readonly requested: number;
  readonly events: number;
  readonly format: string;
  readonly seed: number;
  readonly engineSeconds: number;
  readonly peakRssMb: number;
  readonly rawScanSeconds: number;
  readonly ratio: number;
  readonly explainedShare: number;
  readonly budget: number;
  readonly engine: Evaluation;
  readonly baseline: Evaluation;
}

export interface Machine {
  readonly nproc: string;
  readonly memory: string;
  readonly cpu: string;
  readonly loadAverage: string;
  readonly node: string;
}

function sh(cmd: string): string {
  try {
    return execSync(cmd, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function machineSummary(): Machine {
  return {
    nproc: sh('nproc'),
    memory: sh('free -h | awk \'/^Mem:/ {print $2 " total, " $7 " available"}\''),
    cpu: sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").trim(),
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    node: process.version,
  };
}

const pct = (x: number): string => (Number.isNaN(x) ? '–' : `${(x * 100).toFixed(1)} %`);
const num = (x: number, d = 3): string => (Number.isNaN(x) ? '–' : x.toFixed(d));

/** The generators a benchmark can run on: Varde's own, and three written without reading the engine. */
export const GENERATORS = {
  own: { marker: 'logaudit-bench', title: 'the synthetic generator (`varde logs generate`)' },
  alt: { marker: 'logaudit-bench-alt', title: 'the independent generator in bench/logs/alt-generator' },
  third: { marker: 'logaudit-bench-third', title: 'the third, independent generator in bench/logs/third-generator' },
  fourth: {
    marker: 'logaudit-bench-fourth',
    title: 'the fourth, independent generator in bench/logs/fourth-generator',
  },
  fifth: {
    marker: 'logaudit-bench-fifth',
    title:
      'the fifth, independent generator in bench/logs/fifth-generator (a record shared by a trust and municipalities)',
  },
} as const;
export type GeneratorName = keyof typeof GENERATORS;

const markers = (generator: GeneratorName): { start: string; end: string } => ({
  start: `<!-- ${GENERATORS[generator].marker}:start -->`,
  end: `<!-- ${GENERATORS[generator].marker}:end -->`,
});

export function renderMarkdown(
  results: readonly SizeResult[],
  machine: Machine,
  command: string,
  generator: GeneratorName = 'own',
): string {
  const lines: string[] = [];
  lines.push(
    `Machine: ${machine.nproc} cores (${machine.cpu}), memory ${machine.memory}, Node ${machine.node}; load average at the end of the run ${machine.loadAverage}.`,
  );
  lines.push(
    `Command: \`${command}\` (datasets from ${GENERATORS[generator].title}, seed ${results[0]?.seed ?? '?'}, not timed).`,
  );
  lines.push('');
  lines.push(
    '| events | format | end to end | peak RSS | raw scan + group-by | ratio | explained | AUC-ROC | AUC-PR | budget | recall | precision | rules-only recall | rules-only AUC-ROC |',
  );
  lines.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    lines.push(
      `| ${r.events.toLocaleString('en-US')} | ${r.format} | ${r.engineSeconds.toFixed(1)} s | ${r.peakRssMb} MB | ${r.rawScanSeconds.toFixed(2)} s | ${r.ratio.toFixed(1)} × | ${pct(r.explainedShare)} | ${num(r.engine.aucRoc)} | ${num(r.engine.aucPr)} | ${r.budget} | ${pct(r.engine.atBudget.recall)} | ${pct(r.engine.atBudget.precision)} | ${pct(r.baseline.atBudget.recall)} | ${num(r.baseline.aucRoc)} |`,
    );
  }
  lines.push('');
  lines.push('Recall per scenario at the budget (engine / rules-only; planted pairs in parentheses):');
  lines.push('');
  const scenarios = [...new Set(results.flatMap((r) => Object.keys(r.engine.perScenario)))].sort();
  lines.push(`| scenario | ${results.map((r) => `${r.events.toLocaleString('en-US')} events`).join(' | ')} |`);
  lines.push(`| --- | ${results.map(() => '---:').join(' | ')} |`);
  for (const s of scenarios) {
    const cells = results.map((r) => {
      const e = r.engine.perScenario[s];
      const b = r.baseline.perScenario[s];
      return e ? `${pct(e.recall)} / ${b ? pct(b.recall) : '–'} (${e.total})` : '–';
    });
    lines.push(`| ${s} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Replace the generator's block in BENCHMARKS.md (appended at the end when missing). */
export function updateBenchmarksFile(file: string, markdown: string, generator: GeneratorName = 'own'): void {
  const { start, end } = markers(generator);
  const block = `${start}\n${markdown}\n${end}`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  if (current.includes(start) && current.includes(end)) {
    fs.writeFileSync(
      file,
      current.slice(0, current.indexOf(start)) + block + current.slice(current.indexOf(end) + end.length),
    );
  } else {
    const heading = generator === 'own' ? 'Access-log engine' : `Access-log engine on ${GENERATORS[generator].title}`;
    fs.writeFileSync(file, `${current.trimEnd()}\n\n## ${heading}\n\n${block}\n`);
  }
}
