/** `varde frameworks …`: list, show, import and export framework libraries from the terminal. */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { prepareDatabase } from '../../server.js';
import {
  exportFrameworkLibrary,
  getFrameworkLibrary,
  importFrameworkLibrary,
  listFrameworkLibraries,
} from './frameworks-service.js';
import { libraryFormats, type LibraryFormat } from './library-files.js';
import type { FrameworkLibrary, LocalizedText } from './types.js';

/** The operator at the terminal: acts as an administrator; audit events name the CLI. */
export const cliPrincipal: Principal = {
  userId: 'system',
  displayName: 'varde CLI (operator)',
  sessionId: 'cli',
  organisationId: null,
  roles: ['administrator'],
  actorIds: [],
};

async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = await prepareDatabase(loadConfig(), () => {});
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

function readFormat(value: string | undefined): LibraryFormat | undefined {
  if (value === undefined) return undefined;
  if ((libraryFormats as readonly string[]).includes(value)) return value as LibraryFormat;
  throw new AppError('BAD_REQUEST', `--format must be ${libraryFormats.join(' or ')}, got "${value}"`);
}

function readVersion(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1)
    throw new AppError('BAD_REQUEST', `--version must be a whole number from 1`);
  return version;
}

const text = (value: LocalizedText | undefined, language: string): string =>
  value ? (value.nb ?? value[language] ?? Object.values(value)[0] ?? '') : '';

/** The requirement tree as indented lines: `  2.9  Etabler evne til gjenoppretting av data`. */
export function treeLines(library: FrameworkLibrary): string[] {
  const depth = new Map<string, number>();
  return library.nodes.map((node) => {
    const level = node.parent === undefined ? 0 : (depth.get(node.parent) ?? 0) + 1;
    depth.set(node.id, level);
    const title = text(node.title, library.library.language) || text(node.description, library.library.language);
    const marks = [node.assessable ? '' : '(gruppe)', node.provisional ? '(foreløpig tittel)' : ''].filter(Boolean);
    return `${'  '.repeat(level)}${node.refId ?? node.id}  ${title}${marks.length ? `  ${marks.join(' ')}` : ''}`;
  });
}

export function registerFrameworksCommands(program: Command): void {
  const frameworks = program.command('frameworks').description('framework libraries (NSM, basic measures, Normen, …)');
  frameworks
    .command('list')
    .description('stored libraries, newest version of each')
    .option('--json', 'JSON with the API field names')
    .action(async (options: { json?: boolean }) => {
      await withDb(async (db) => {
        const libraries = await listFrameworkLibraries(db);
        if (options.json) return console.log(JSON.stringify({ count: libraries.length, libraries }, null, 2));
        for (const l of libraries) {
          const counts = l.kind === 'framework' ? `${l.nodeCount} noder` : `${l.mappingCount} koblinger`;
          console.log(`${l.id}  v${l.version}  ${text(l.name, l.language)}  (${counts}, ${l.origin})`);
        }
        console.log(`\n${libraries.length} bibliotek`);
      });
    });
  frameworks
    .command('show <id>')
    .description('one library and its requirement tree (id, short code such as NSM-GP-2.1, or last part of the id)')
    .option('--version <n>', 'a stored version other than the newest')
    .option('--json', 'JSON with the API field names')
    .action(async (id: string, options: { version?: string; json?: boolean }) => {
      await withDb(async (db) => {
        const found = await getFrameworkLibrary(db, id, readVersion(options.version));
        if (options.json) return console.log(JSON.stringify(found, null, 2));
        const { info, library } = found;
        console.log(`${text(library.library.name, library.library.language)}  (${info.id} v${info.version})`);
        console.log(`Utgiver: ${library.library.publisher}; lagrede versjoner: ${found.versions.join(', ')}`);
        console.log(
          `Innhold: sha256 ${info.contentHash}; fil ${info.sourceName} (${info.sourceFormat}, sha256 ${info.sourceHash})`,
        );
        if (library.nodes.length > 0) console.log(['', ...treeLines(library)].join('\n'));
        for (const set of library.mappingSets) {
          console.log(
            `\nKoblinger ${set.id}: ${set.sourceFramework} → ${set.targetFramework}, ${set.mappings.length} stk.`,
          );
        }
      });
    });
  frameworks
    .command('import <file>')
    .description('validate and import a library file, all or nothing (format detected unless given)')
    .option('--format <format>', 'varde or ciso')
    .option('--json', 'JSON with the API field names')
    .action(async (file: string, options: { format?: string; json?: boolean }) => {
      const format = readFormat(options.format);
      console.error(`Leser ${file} …`);
      const content = await readFile(file, 'utf8');
      await withDb(async (db) => {
        console.error('Kontrollerer og lagrer …');
        const result = await importFrameworkLibrary(db, cliPrincipal, {
          text: content,
          fileName: basename(file),
          format,
          now: new Date(),
        });
        if (options.json) return console.log(JSON.stringify(result, null, 2));
        const { library } = result;
        console.log(
          `${library.id} v${library.version}: ${result.outcome === 'imported' ? 'importert' : 'uendret (allerede lagret)'}` +
            `${result.current ? '' : ' (eldre versjon, lagret som historikk)'}; ${library.nodeCount} noder, ${library.mappingCount} koblinger`,
        );
      });
    });
  frameworks
    .command('export <id>')
    .description("write a library as a file in Varde's format (default) or CISO Assistant's")
    .option('--format <format>', 'varde or ciso', 'varde')
    .option('--version <n>', 'a stored version other than the newest')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (id: string, options: { format: string; version?: string; out?: string }) => {
      const format = readFormat(options.format) ?? 'varde';
      await withDb(async (db) => {
        const file = await exportFrameworkLibrary(db, cliPrincipal, {
          ref: id,
          format,
          version: readVersion(options.version),
          now: new Date(),
        });
        if (options.out) {
          await writeFile(options.out, file.text, 'utf8');
          console.error(`Skrev ${file.info.id} v${file.info.version} til ${options.out}`);
        } else process.stdout.write(file.text);
      });
    });
}
