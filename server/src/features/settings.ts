/**
 * Settings per resource: workspace/configuration for the `communique` section, scoped to the
 * document (or folder) URI, coerced at the boundary with the core's coerceSettings and cached per
 * URI until the next didChangeConfiguration (as vscode-eslint and the lsp-sample do).
 *
 * Clients without workspace/configuration (some Emacs and Vim setups) send settings with
 * didChangeConfiguration or in initializationOptions; those apply to every document.
 */
import type { Connection } from 'vscode-languageserver';
import { coerceSettings, DEFAULT_SETTINGS, type CommuniqueSettings } from '../core/settings';
import { SETTINGS_SECTION } from '../protocol';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<CommuniqueSettings>>();
  private global: CommuniqueSettings;
  private generationCounter = 0;

  constructor(
    private readonly connection: Connection,
    private readonly useConfigurationRequest: boolean,
    initializationSettings: unknown,
  ) {
    this.global = initializationSettings === undefined ? DEFAULT_SETTINGS : coerceSettings(initializationSettings);
  }

  /** Bumped on every settings change; part of every analysis cache key. */
  get generation(): number {
    return this.generationCounter;
  }

  /** The settings of a document or folder (undefined: the window's settings). */
  get(uri: string | undefined): Promise<CommuniqueSettings> {
    if (!this.useConfigurationRequest) return Promise.resolve(this.global);
    const key = uri ?? '';
    let pending = this.cache.get(key);
    if (pending === undefined) {
      pending = this.connection.workspace
        .getConfiguration(uri === undefined ? { section: SETTINGS_SECTION } : { scopeUri: uri, section: SETTINGS_SECTION })
        .then(
          (raw: unknown) => coerceSettings(raw ?? {}),
          // A client that fails the request still gets a working server, with the defaults.
          () => DEFAULT_SETTINGS,
        );
      this.cache.set(key, pending);
    }
    return pending;
  }

  /**
   * didChangeConfiguration: forget every cached value. `pushed` is the notification's `settings`
   * payload, used directly by clients that do not answer workspace/configuration.
   */
  changed(pushed: unknown): void {
    this.cache.clear();
    if (!this.useConfigurationRequest && pushed !== null && typeof pushed === 'object') {
      const section = (pushed as Record<string, unknown>)[SETTINGS_SECTION];
      if (section !== undefined) this.global = coerceSettings(section);
    }
    this.generationCounter++;
  }

  /** A document closed: its entry would never be asked again. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
