/** DESIGN.md decision 4: one topic per (tenant, project), tenant first. */
export function projectTopic(tenantId: string, projectId: string): string {
  return `t/${tenantId}/p/${projectId}`;
}
