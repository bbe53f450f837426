/**
 * `communique check --format sarif`: SARIF 2.1.0, the format code-scanning dashboards read
 * (GitHub code scanning, Azure DevOps, SonarQube imports).
 *
 * Choices:
 * - One rule per diagnostic code, whose default level is the severity the CLI runs with.
 * - Regions are 1-based lines and columns counted in UTF-16 code units, as the editor counts them
 *   (a BOM not counted); `columnKind` is set explicitly rather than relying on the default, and
 *   `endColumn` is the column after the last character, as SARIF defines it.
 * - Artifact URIs are relative to the folder the command ran in (`%SRCROOT%`), so a report made
 *   in CI points at the repository's files; a file outside it gets an absolute file URI.
 * - Unreadable files are tool execution notifications and lexicon problems are configuration
 *   notifications: neither is a finding about a communiqué.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { severityOf, type DiagnosticCode } from '../core/diagnostics';
import type { CommuniqueSettings, SeverityName } from '../core/settings';
import type { Lexicon, Range } from '../core/types';
import type { CheckedFile } from './check';
import { displayPath } from './cliWorkspace';

export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** What a SARIF report is made from. */
export interface SarifInput {
  files: readonly CheckedFile[];
  unreadable: readonly { path: string; reason: string }[];
  lexicon: Lexicon;
  settings: CommuniqueSettings;
  /** Relative artifact URIs are relative to this folder. */
  cwd: string;
  toolVersion: string;
}

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

interface RuleText {
  code: DiagnosticCode;
  short: string;
  full: string;
}

/** The rules, in a fixed order (results point at them by index). */
const RULES: readonly RuleText[] = [
  {
    code: 'entity.untagged',
    short: 'Entity not tagged in the front matter',
    full: 'The text mentions an actor, country, region or threat category whose tag is missing from the front matter list of its category.',
  },
  {
    code: 'entity.suggested',
    short: 'Actor found by heuristics, listed in no lexicon',
    full: 'A name that looks like a person or an organisation but that no lexicon lists; add it to the workspace lexicon or ignore it.',
  },
  {
    code: 'frontmatter.stale',
    short: 'Tag the text no longer mentions',
    full: 'A front matter tag whose entity the text does not mention any more.',
  },
  {
    code: 'frontmatter.unknown',
    short: 'Tag no lexicon knows',
    full: 'A front matter tag that resolves to no lexicon entry of its category (and to no heuristic actor of the text).',
  },
  {
    code: 'frontmatter.invalid',
    short: 'Front matter that does not parse',
    full: 'The YAML front matter does not parse, a tag key is not a list, or a key is repeated; no tag can be written until it is fixed.',
  },
  {
    code: 'header.date',
    short: 'Legacy date header',
    full: 'The first line is a legacy `date YYYY-MM` header, which can move into the front matter as `date:`.',
  },
  {
    code: 'term.deprecated',
    short: 'Deprecated term',
    full: 'A term the lexicon marks as deprecated in favour of a preferred term of the same language.',
  },
  {
    code: 'name.variant',
    short: 'Variant spelling of a known name',
    full: 'A misspelt or transliterated form of a known actor name; the canonical spelling is offered as a fix, and spellings a lexicon accepts are not reported.',
  },
  {
    code: 'translation.missing-entity',
    short: 'Entity of the source missing from the translation',
    full: 'The source document mentions an entity id that this translation does not mention.',
  },
  {
    code: 'translation.extra-entity',
    short: 'Entity of the translation absent from the source',
    full: 'This translation mentions an entity id that its source document does not mention.',
  },
  {
    code: 'document.too-large',
    short: 'Document too large to annotate',
    full: 'The document is larger than communique.maxFileSize; nothing in it was recognised or checked.',
  },
  {
    code: 'document.binary',
    short: 'Binary file',
    full: 'The file looks binary (a NUL byte, control characters or undecodable text); it is left alone.',
  },
];

/** SARIF levels of the editor's severities: SARIF has no "information" or "hint", only notes. */
export function sarifLevel(severity: SeverityName): SarifLevel {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'off':
      return 'none';
    default:
      return 'note';
  }
}

/** The SARIF log of a check run, pretty-printed, with a final newline. */
export function renderSarif(input: SarifInput): string {
  return `${JSON.stringify(sarifLog(input), null, 2)}\n`;
}

/** The SARIF log of a check run as an object. */
export function sarifLog(input: SarifInput): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.code, i]));
  const results = input.files.flatMap((file) =>
    file.diagnostics.map(({ diagnostic, range, related }) => {
      const location = physicalLocation(file.path, range, input.cwd);
      return {
        ruleId: diagnostic.code,
        ...(ruleIndex.has(diagnostic.code) ? { ruleIndex: ruleIndex.get(diagnostic.code) } : {}),
        level: sarifLevel(diagnostic.severity),
        message: { text: diagnostic.message },
        locations: [{ physicalLocation: location }],
        ...(related.length > 0
          ? {
              relatedLocations: related.map((r, id) => ({
                id,
                physicalLocation: physicalLocation(r.path ?? file.path, r.range, input.cwd),
                message: { text: r.message },
              })),
            }
          : {}),
        properties: { data: diagnostic.data },
      };
    }),
  );
  const executionNotifications = input.unreadable.map((u) => ({
    level: 'error',
    message: { text: `${u.path}: ${u.reason}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(u.path, input.cwd) } }],
  }));
  const configurationNotifications = input.lexicon.problems.map((p) => ({
    level: p.severity === 'error' ? 'error' : 'warning',
    message: { text: p.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(p.file, input.cwd),
          region: { startLine: p.line, startColumn: p.column },
        },
      },
    ],
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'communique',
            version: input.toolVersion,
            ...(/^\d+\.\d+\.\d+/.test(input.toolVersion) ? { semanticVersion: input.toolVersion } : {}),
            rules: RULES.map((r) => ({
              id: r.code,
              name: ruleName(r.code),
              shortDescription: { text: r.short },
              fullDescription: { text: r.full },
              defaultConfiguration: { level: sarifLevel(severityOf(input.settings, r.code)) },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(input.cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: input.unreadable.length === 0,
            ...(executionNotifications.length > 0 ? { toolExecutionNotifications: executionNotifications } : {}),
            ...(configurationNotifications.length > 0 ? { toolConfigurationNotifications: configurationNotifications } : {}),
          },
        ],
        results,
      },
    ],
  };
}

/** A location in a checked file: 1-based lines and columns, endColumn just past the last character. */
function physicalLocation(path: string, range: Range, cwd: string): object {
  return {
    artifactLocation: artifactLocation(path, cwd),
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}

function artifactLocation(path: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (path === '-') return { uri: 'stdin' };
  const shown = displayPath(path, cwd);
  // Per segment, so that '#' or '?' in a file name stays part of the path.
  if (!isAbsolute(shown)) return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(resolve(path)).href };
}

function folderUri(dir: string): string {
  const href = pathToFileURL(resolve(dir)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** SARIF's rule name: a PascalCase identifier ("entity.untagged" gives EntityUntagged). */
function ruleName(code: string): string {
  return code
    .split(/[.\-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
