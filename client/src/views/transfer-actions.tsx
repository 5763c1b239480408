// The board's way out and in: download the project as Jira's CSV or as JSON
// (with comments), and, for admins, the link to the import page.
import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { useLive } from '../store/live.ts';
import { exportProject, saveFile, type ExportFormat } from './transfer-api.ts';
import '../styles/transfer.css';

export function TransferActions(props: { projectKey: string; canImport: boolean }) {
  const live = useLive();
  const [busy, setBusy] = createSignal<ExportFormat | null>(null);
  const download = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const { blob, filename } = await exportProject(props.projectKey, format, await live.token());
      saveFile(blob, filename);
    } catch (err) {
      live.toasts.show(`Could not export ${props.projectKey}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="transfer-actions" role="group" aria-label="Export and import">
      <button type="button" class="button button--ghost" disabled={busy() !== null} aria-busy={busy() === 'csv'} data-testid="export-csv" onClick={() => download('csv')}>
        Export CSV
      </button>
      <button type="button" class="button button--ghost" disabled={busy() !== null} aria-busy={busy() === 'json'} data-testid="export-json" onClick={() => download('json')}>
        Export JSON
      </button>
      <Show when={props.canImport}>
        <A href={`/p/${props.projectKey}/import`} class="button button--ghost" data-testid="import-link">
          Import from Jira
        </A>
      </Show>
    </div>
  );
}
