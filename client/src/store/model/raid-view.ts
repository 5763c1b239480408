// The RAID page of a project made from the RAID log template (or any project
// with a type named like one of its types and Probability and Impact fields):
// its items grouped by type (Risk, Assumption, Issue, Dependency, Action),
// risks with their probability, impact and score, sortable by score; and the
// 5x5 heat map of the open risks, each cell with its score band in words. All
// of it is derived from the board's live model, so a change anywhere shows at
// once. The reading of a risk (which fields, the score, the cells) is
// shared/domain/raid-log.ts's, the same the server's SQL view uses.
// Pure: no Solid, no DOM.
import { appliesTo, fieldTypeKey, type CustomFieldDef } from '../../../../shared/domain/custom-fields.ts';
import { heatMap, IMPACT_FIELD, PROBABILITY_FIELD, RAID_LOG, riskRating, SCALE, scoreFields, type RiskRating } from '../../../../shared/domain/raid-log.ts';
import { isFinished } from '../../../../shared/domain/workflow.ts';
import { CustomFieldKind, StatusCategory, type IMember, type IProject, type IWorkflowStatus } from '../../../../shared/proto.ts';
import { fieldsOf } from './custom-fields-draft.ts';
import { itemTypesOf, type ItemTypeDef } from './item-types-draft.ts';
import type { Card } from './items.ts';
import { isLocal } from './local-ids.ts';

/** The template's type names, in the page's order. */
export const RAID_TYPE_NAMES: readonly string[] = RAID_LOG.types.map((t) => t.name);
const RISK = RAID_TYPE_NAMES[0]!;
/** The person field a row names as its owner, where the type has it; the assignee otherwise. */
export const OWNER_FIELD = 'Owner';

const folded = (s: string) => s.trim().toLowerCase();

/** The project's own types that are the RAID log's, by name (case aside), in the template's order. */
export function raidTypesOf(project: IProject | null | undefined): ItemTypeDef[] {
  const own = itemTypesOf(project);
  return RAID_TYPE_NAMES.flatMap((name) => own.filter((t) => folded(t.name) === folded(name)));
}

/** Whether the project has a RAID page: a type named Risk, and Probability and Impact fields to rate it by. */
export function hasRaidView(project: IProject | null | undefined): boolean {
  return raidTypesOf(project).some((t) => folded(t.name) === folded(RISK)) && scoreFields(fieldsOf(project)) !== null;
}

export type ScoreBand = 'low' | 'medium' | 'high' | 'critical';

/** A score's band (1-4 low, 5-9 medium, 10-16 high, 20-25 critical) with its word: the heat map never says it by colour alone. */
export function scoreBand(score: number): { band: ScoreBand; label: string } {
  if (score >= 20) return { band: 'critical', label: 'Critical' };
  if (score >= 10) return { band: 'high', label: 'High' };
  if (score >= 5) return { band: 'medium', label: 'Medium' };
  return { band: 'low', label: 'Low' };
}

export interface RaidRow {
  id: string;
  key: string;
  number: number;
  title: string;
  status: string;
  finished: boolean;
  /** Who the item's Owner field names, or its assignee; '' for nobody. */
  owner: string;
  /** Risks only: null when a value is missing. */
  rating: RiskRating | null;
}

export interface RaidGroup {
  type: ItemTypeDef;
  /** "Risks": the group's heading. */
  heading: string;
  /** Whether the rows have probability, impact and score. */
  rated: boolean;
  rows: RaidRow[];
}

export type RaidSort = 'key' | 'score-desc' | 'score-asc';

const byNumber = (a: RaidRow, b: RaidRow) => a.number - b.number || a.id.localeCompare(b.id);

/**
 * Rows in the order asked: by key (the order they were raised), or by score,
 * highest or lowest first, unrated rows last either way, ties by key.
 */
export function sortRows(rows: readonly RaidRow[], sort: RaidSort): RaidRow[] {
  if (sort === 'key') return [...rows].sort(byNumber);
  const dir = sort === 'score-desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const sa = a.rating?.score ?? null;
    const sb = b.rating?.score ?? null;
    if (sa === null || sb === null) return sa === sb ? byNumber(a, b) : sa === null ? 1 : -1;
    return (sa - sb) * dir || byNumber(a, b);
  });
}

const PLURALS: Readonly<Record<string, string>> = { risk: 'Risks', assumption: 'Assumptions', issue: 'Issues', dependency: 'Dependencies', action: 'Actions' };

export interface RaidInput {
  items: Iterable<Card>;
  project: IProject | null | undefined;
  statuses: readonly IWorkflowStatus[];
  members: readonly IMember[];
}

/** The table: one group per RAID type the project has (empty ones too), rows in `sort` order (only risks have a score). */
export function raidGroups({ items, project, statuses, members }: RaidInput, sort: RaidSort): RaidGroup[] {
  const types = raidTypesOf(project);
  const fields = fieldsOf(project);
  const rated = scoreFields(fields) !== null;
  const statusById = new Map(statuses.map((s) => [s.id ?? '', s]));
  const nameOf = new Map(members.map((m) => [m.userId ?? '', m.displayName || 'Someone']));
  const person = (userId: string) => (userId ? (nameOf.get(userId) ?? 'Someone no longer in the project') : '');
  const ownerField = (typeId: string): CustomFieldDef | undefined =>
    fields.find((f) => folded(f.name) === folded(OWNER_FIELD) && f.kind === CustomFieldKind.CUSTOM_FIELD_KIND_PERSON && appliesTo(f, fieldTypeKey('TASK', typeId)));

  const byType = new Map<string, Card[]>(types.map((t) => [t.id, []]));
  for (const card of items) if (!isLocal(card) && card.customTypeId) byType.get(card.customTypeId)?.push(card);

  return types.map((type) => {
    const isRisk = folded(type.name) === folded(RISK) && rated;
    const owner = ownerField(type.id);
    const rows = (byType.get(type.id) ?? []).map((card): RaidRow => {
      const status = statusById.get(card.statusId);
      const named = owner ? (card.customFields ?? []).find((v) => v.fieldId === owner.id)?.userId : '';
      return {
        id: card.id,
        key: card.key ?? '',
        number: Number(card.number ?? 0),
        title: card.title ?? '',
        status: status?.name ?? '',
        finished: isFinished((status?.category ?? StatusCategory.STATUS_CATEGORY_UNSPECIFIED) as StatusCategory),
        owner: person(named || card.assigneeId || ''),
        rating: isRisk ? riskRating(card.customFields ?? [], fields) : null,
      };
    });
    return { type, heading: PLURALS[folded(type.name)] ?? type.name, rated: isRisk, rows: sortRows(rows, isRisk ? sort : 'key') };
  });
}

export interface HeatCell {
  probability: number;
  impact: number;
  score: number;
  band: ScoreBand;
  bandLabel: string;
  /** The open risks rated so, by key. */
  risks: { id: string; key: string; number: number; title: string }[];
}

export interface HeatMapView {
  /** Rows from probability 5 (top) down to 1; each row's cells from impact 1 to 5. */
  rows: HeatCell[][];
  /** Open risks without both values: not on the map. */
  unrated: number;
  probabilityName: string;
  impactName: string;
}

/**
 * The 5x5 heat map of the open risks (mitigated and closed ones leave it):
 * probability up the side, impact along the bottom, as risk registers draw it.
 */
export function raidHeatMap({ items, project, statuses }: Omit<RaidInput, 'members'>): HeatMapView {
  const fields = fieldsOf(project);
  const risk = raidTypesOf(project).find((t) => folded(t.name) === folded(RISK));
  const category = new Map(statuses.map((s) => [s.id ?? '', (s.category ?? 0) as StatusCategory]));
  const open = [...items].filter((c) => risk && c.customTypeId === risk.id && !isLocal(c) && !isFinished(category.get(c.statusId) ?? StatusCategory.STATUS_CATEGORY_UNSPECIFIED));
  const cells = heatMap(open, fields);
  const byId = new Map(open.map((c) => [c.id, c]));
  const found = scoreFields(fields);
  const rows = [...SCALE]
    .map((_, p) =>
      SCALE.map((__, i): HeatCell => {
        const probability = p + 1;
        const impact = i + 1;
        const score = probability * impact;
        const { band, label } = scoreBand(score);
        const risks = (cells[p]?.[i] ?? [])
          .map((id) => byId.get(id)!)
          .map((c) => ({ id: c.id, key: c.key ?? '', number: Number(c.number ?? 0), title: c.title ?? '' }))
          .sort((a, b) => a.number - b.number);
        return { probability, impact, score, band, bandLabel: label, risks };
      }),
    )
    .reverse();
  const onMap = rows.reduce((n, row) => n + row.reduce((m, cell) => m + cell.risks.length, 0), 0);
  return {
    rows,
    unrated: open.length - onMap,
    probabilityName: found?.probability.name ?? PROBABILITY_FIELD,
    impactName: found?.impact.name ?? IMPACT_FIELD,
  };
}
