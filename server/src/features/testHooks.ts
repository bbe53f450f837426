/**
 * A request for the test suites only: `communique/test/documentText` answers the text and version
 * the server holds for an open document, so that the fuzz test of incremental edits
 * (test/protocol/fuzzServer.test.ts, issue 6) can check that the server's view of a document is
 * exactly the client's after any sequence of `didChange` edits.
 *
 * It is registered only when the process is started with `--test-hooks`, which no editor passes;
 * it reads nothing but documents the client itself opened.
 */
import type { Session } from './session';

/** The method of the request (its params: `{ textDocument: { uri } }`; result: `{ version, text }` or null). */
export const DOCUMENT_TEXT_REQUEST = 'communique/test/documentText';

/** The command-line flag that turns the test requests on. */
export const TEST_HOOKS_FLAG = '--test-hooks';

/** Registers the test requests when the server was started with the flag; otherwise does nothing. */
export function registerTestHooks(session: Session, argv: readonly string[] = process.argv): void {
  if (!argv.includes(TEST_HOOKS_FLAG)) return;
  session.connection.onRequest(DOCUMENT_TEXT_REQUEST, (params: { textDocument?: { uri?: unknown } } | null) => {
    const uri = params?.textDocument?.uri;
    const document = typeof uri === 'string' ? session.documents.get(uri) : undefined;
    return document === undefined ? null : { version: document.version, text: document.getText() };
  });
}
