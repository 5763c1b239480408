// "/p/:key/reports": the sprint burndown, velocity, cumulative flow and cycle
// time of a project, each worked out by the server (get_report) and asked
// again after the project's events, which come through the board slice as on
// the board itself. The sprint (?sprint=) and the days of the flow reports
// (?range=) are in the address, so a link shares them.
import { useParams, useSearchParams } from '@solidjs/router';
import { createMemo } from 'solid-js';
import { createBoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { lastDays, RANGE_DAYS, rangeOf, type RangeDays } from '../store/model/report-request.ts';
import { reportSourceOf } from '../store/reports.ts';
import { Select } from '../ui/select.tsx';
import { BurndownReport } from './burndown-report.tsx';
import { CumulativeFlowReport } from './cumulative-flow-report.tsx';
import { CycleTimeReport } from './cycle-time-report.tsx';
import { ProjectBody } from './project-load-states.tsx';
import { ProjectPageHeader } from './project-page-header.tsx';
import { VelocityReport } from './velocity-report.tsx';
import '../styles/backlog.css';
import '../styles/reports.css';

type ReportsQuery = { sprint?: string; range?: string };

const RANGE_OPTIONS = RANGE_DAYS.map((days) => ({ value: days, label: `the last ${days} days` }));

export function ReportsPage() {
  const params = useParams<{ key: string }>();
  const [query, setQuery] = useSearchParams<ReportsQuery>();
  const live = useLive();
  const board = createBoardSlice(live, () => params.key);
  const source = reportSourceOf(board);
  const days = () => rangeOf(query.range);
  const range = createMemo(() => lastDays(days(), new Date()));
  return (
    <div class="page page--reports">
      <ProjectPageHeader projectKey={params.key} projectName={board.project()?.name ?? undefined} page="Reports" readOnly={null} savedCopyAt={board.savedCopyAt()} />
      <section class="reports" data-testid="reports" data-state={board.load().state} aria-busy={board.load().state === 'loading'}>
        <ProjectBody
          load={board.load()}
          projectKey={params.key}
          what="reports"
          errorTestId="reports-error"
          skeleton={<div class="panel plan-group plan-group--skeleton" aria-hidden="true" />}
        >
          <BurndownReport board={board} chosen={query.sprint} onChoose={(sprint) => setQuery({ sprint })} />
          <VelocityReport source={source} />
          <div class="reports__range">
            <span>Cumulative flow and cycle time over</span>
            <Select<RangeDays> label="Days the flow reports cover" testId="reports-range" value={days()} options={RANGE_OPTIONS} onChange={(d) => setQuery({ range: String(d) })} />
          </div>
          <div class="reports__pair">
            <CumulativeFlowReport source={source} range={range()} />
            <CycleTimeReport source={source} projectKey={params.key} range={range()} days={days()} />
          </div>
        </ProjectBody>
      </section>
    </div>
  );
}
