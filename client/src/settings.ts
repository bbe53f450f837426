/**
 * The client's own settings, read per resource and coerced at the boundary (entitiesModel.ts):
 * the server reads every other `communique.*` setting itself through workspace/configuration.
 */
import * as vscode from 'vscode';
import { coerceDecorationSettings, type DecorationSettings } from './entitiesModel';

export const DECORATIONS_SECTION = 'communique.decorations';

/** `communique.decorations.enabled` and `communique.decorations.categories` for a document. */
export function readDecorationSettings(scope?: vscode.Uri): DecorationSettings {
  const config = vscode.workspace.getConfiguration(DECORATIONS_SECTION, scope);
  return coerceDecorationSettings(config.get<unknown>('enabled'), config.get<unknown>('categories'));
}
