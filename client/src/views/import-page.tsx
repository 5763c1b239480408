// "/p/:key/import": bring work items in from a Jira CSV export. Choosing a
// file runs a dry run at once; its report (what would be created, every row
// that cannot be, every row taken other than as written) comes before the
// button that imports, which stays off while any row cannot be imported. The
// server does it all in one transaction, and open boards fill as it commits.
import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { useLive } from '../store/live.ts';
import { ProjectPageHeader } from './project-page-header.tsx';
import { importJiraCsv, TransferError, type ImportReport, type RowIssue } from './transfer-api.ts';
import '../styles/transfer.css';

/** Rows of the report's item table shown at once: a 5,000-row file says how many more. */
const ITEMS_SHOWN = 200;

type Step =
  | { state: 'empty' }
  | { state: 'checking'; file: File }
  | { state: 'checked'; file: File; report: ImportReport }
  | { state: 'importing'; file: File; report: ImportReport }
  | { state: 'imported'; report: ImportReport }
  | { state: 'failed'; file: File | null; message: string; report: ImportReport | null };

function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function IssueList(props: { title: string; issues: readonly RowIssue[]; tone: 'problem' | 'note'; testId: string }) {
  return (
    <Show when={props.issues.length > 0}>
      <section class={`import-issues import-issues--${props.tone}`} data-testid={props.testId}>
        <h2 class="import-issues__title">{props.title}</h2>
        <ul class="import-issues__list">
          <For each={props.issues}>
            {(issue) => (
              <li class="import-issue" data-testid={`${props.testId}-row`} data-row={issue.row}>
                <span class="import-issue__where">
                  {issue.row === 1 ? 'The file' : `Row ${issue.row}`}
                  <Show when={issue.row !== 1 && issue.line !== issue.row}> (line {issue.line})</Show>
                  <Show when={issue.column}> · {issue.column}</Show>
                </span>
                <span class="import-issue__what">{issue.message}</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

function Report(props: { report: ImportReport }) {
  const r = () => props.report;
  const typeCounts = () => {
    const counts = new Map<string, number>();
    for (const item of r().items) counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
    return [...counts].map(([type, n]) => counted(n, type.toLowerCase(), type.toLowerCase().replace(/y$/, 'ie') + 's')).join(', ');
  };
  return (
    <div class="import-report" data-testid="import-report" data-dry-run={r().dryRun ? 'true' : 'false'}>
      <p class="import-report__summary" data-testid="import-summary">
        <Show
          when={r().problems.length === 0}
          fallback={`${counted(r().rows, 'row')} read. ${counted(new Set(r().problems.map((p) => p.row)).size, 'row')} cannot be imported, so nothing will be until the file is fixed.`}
        >
          {r().dryRun ? 'Would create ' : 'Created '}
          {counted(r().items.length, 'item')}
          <Show when={r().items.length > 0}> ({typeCounts()})</Show>
          <Show when={r().sprints.length > 0}>
            {' '}and {counted(r().sprints.length, 'sprint')} ({r().sprints.join(', ')})
          </Show>
          {' '}from {counted(r().rows, 'row')}.
        </Show>
      </p>
      <IssueList title="Rows that cannot be imported" issues={r().problems} tone="problem" testId="import-problems" />
      <IssueList title="Imported, but not as written" issues={r().notes} tone="note" testId="import-notes" />
      <Show when={r().items.length > 0}>
        <div class="import-items">
          <table class="import-items__table" data-testid="import-items">
            <caption>{r().dryRun ? 'What would be created' : 'What was created'}</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Jira</th>
                <th scope="col">Key</th>
                <th scope="col">Type</th>
                <th scope="col">Summary</th>
                <th scope="col">Status</th>
                <th scope="col">Parent</th>
                <th scope="col">Sprint</th>
                <th scope="col">Assignee</th>
              </tr>
            </thead>
            <tbody>
              <For each={r().items.slice(0, ITEMS_SHOWN)}>
                {(item) => (
                  <tr data-testid="import-item" data-key={item.key}>
                    <td>{item.row}</td>
                    <td>{item.sourceKey}</td>
                    <td>{item.key}</td>
                    <td>{item.type}</td>
                    <td class="import-items__title">{item.title}</td>
                    <td>{item.status}</td>
                    <td>{item.parent}</td>
                    <td>{item.sprint}</td>
                    <td>{item.assignee || '—'}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <Show when={r().items.length > ITEMS_SHOWN}>
            <p class="form-note">… and {counted(r().items.length - ITEMS_SHOWN, 'more item')}.</p>
          </Show>
        </div>
      </Show>
    </div>
  );
}

export function ImportPage() {
  const params = useParams<{ key: string }>();
  const live = useLive();
  const [step, setStep] = createSignal<Step>({ state: 'empty' });

  const failed = (file: File | null, err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    setStep({ state: 'failed', file, message, report: err instanceof TransferError ? err.report : null });
  };

  const check = async (file: File) => {
    setStep({ state: 'checking', file });
    try {
      setStep({ state: 'checked', file, report: await importJiraCsv(params.key, file, true, await live.token()) });
    } catch (err) {
      failed(file, err);
    }
  };

  const run = async (file: File, report: ImportReport) => {
    setStep({ state: 'importing', file, report });
    try {
      setStep({ state: 'imported', report: await importJiraCsv(params.key, file, false, await live.token()) });
    } catch (err) {
      failed(file, err);
    }
  };

  const shownReport = () => {
    const s = step();
    return 'report' in s ? s.report : null;
  };
  const failure = () => {
    const s = step();
    return s.state === 'failed' ? s.message : null;
  };
  const ready = () => {
    const s = step();
    return s.state === 'checked' || s.state === 'importing' ? s : null;
  };
  const blocked = (report: ImportReport) => report.problems.length > 0 || report.items.length === 0;

  return (
    <div class="page page--import">
      <ProjectPageHeader projectKey={params.key} projectName={live.projects.byKey(params.key)?.name ?? undefined} page="Import" readOnly={null} />
      <section class="panel import" data-testid="import" data-state={step().state}>
        <p class="import__intro">
          Bring work items in from Jira: in Jira, export the issues as CSV (all fields), then choose the file here. Tandem first shows what it would
          create; nothing changes until you import. Types, statuses, priorities, parents, sprints, labels, story points, dates and assignees (project members,
          by name or email) are carried over; everything is created by you, now.
        </p>
        <label class="import__file">
          <span class="field__label">Jira CSV file</span>
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="import-file"
            disabled={step().state === 'checking' || step().state === 'importing'}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              // Cleared, so choosing the same file again after fixing it checks it again.
              e.currentTarget.value = '';
              if (file) void check(file);
            }}
          />
        </label>

        <Show when={step().state === 'checking'}>
          <p class="form-note" role="status">
            Checking the file…
          </p>
        </Show>
        <Show when={failure()}>
          {(message) => (
            <p class="form-alert" role="alert" data-testid="import-alert">
              {message()}
            </p>
          )}
        </Show>

        <Show when={shownReport()}>{(report) => <Report report={report()} />}</Show>

        <Show when={ready()}>
          {(s) => (
            <div class="import__actions">
              <button
                type="button"
                class="button button--primary"
                data-testid="import-run"
                disabled={blocked(s().report) || s().state === 'importing'}
                onClick={() => void run(s().file, s().report)}
              >
                {s().state === 'importing' ? 'Importing…' : `Import ${counted(s().report.items.length, 'item')}`}
              </button>
              <Show when={s().report.problems.length > 0}>
                <span class="form-note">Fix the rows above in the file and choose it again.</span>
              </Show>
            </div>
          )}
        </Show>
        <Show when={step().state === 'imported'}>
          <p class="form-note" role="status" data-testid="import-done">
            Imported. <A href={`/p/${params.key}`}>Open the board</A>
          </p>
        </Show>
      </section>
    </div>
  );
}
