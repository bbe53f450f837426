/**
 * The ids of the commands the client itself registers (package.json `contributes.commands`). The
 * server's commands (Tag all, Remove stale tags, Annotate this file...) are in
 * server/src/protocol.ts.
 */
import { ClientLinkCommands } from '../../server/src/protocol';

export const ClientCommands = {
  restartServer: 'communique.restartServer',
  showOutput: 'communique.showOutput',
  openWorkspaceLexicon: 'communique.openWorkspaceLexicon',
  addSelectionAsActor: 'communique.addSelectionAsActor',
  addSelectionAsCountry: 'communique.addSelectionAsCountry',
  addSelectionAsRegion: 'communique.addSelectionAsRegion',
  addSelectionAsThreat: 'communique.addSelectionAsThreat',
  toggleDecorations: 'communique.toggleDecorations',
  /** Entities view: reveal an entity's mentions in turn (the item's click). */
  revealEntity: 'communique.entities.reveal',
  /** Entities view context actions. */
  tagEntity: 'communique.entities.tag',
  ignoreEntity: 'communique.entities.ignore',
  ignoreEntityInWorkspace: 'communique.entities.ignoreInWorkspace',
  addEntityToLexicon: 'communique.entities.addToLexicon',
  refreshEntities: 'communique.entities.refresh',
  /** Open the table of a translation's entities beside its source's (issue 5). */
  compareWithSource: 'communique.compareWithSource',
  /** Copy a name to the clipboard: the "Copy" links of the translator hover (issue 5). */
  copyName: ClientLinkCommands.copyName,
} as const;

/** The Entities view in the explorer. */
export const ENTITIES_VIEW_ID = 'communique.entities';
