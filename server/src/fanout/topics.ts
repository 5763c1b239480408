/** docs/DESIGN.md decision 4: one topic per (tenant, project), tenant first. Its subscribers get whole events. */
export function projectTopic(tenantId: string, projectId: string): string {
  return `t/${tenantId}/p/${projectId}`;
}

/**
 * Beside each project topic, one for the sockets that subscribed with
 * changed_fields_only: a uWS publish sends one frame to a whole topic, so
 * each form of an event needs a topic of its own.
 */
export function changedFieldsTopic(projectTopic: string): string {
  return `${projectTopic}/changed`;
}

/** The topic a socket watching a project listens on, and the one it must not (a socket gets each event once). */
export function subscriberTopics(tenantId: string, projectId: string, changedFieldsOnly: boolean): { join: string; leave: string } {
  const whole = projectTopic(tenantId, projectId);
  const changed = changedFieldsTopic(whole);
  return changedFieldsOnly ? { join: changed, leave: whole } : { join: whole, leave: changed };
}

/** Both topics of a project: a socket that leaves the project leaves whichever it is on. */
export function projectTopics(tenantId: string, projectId: string): string[] {
  const whole = projectTopic(tenantId, projectId);
  return [whole, changedFieldsTopic(whole)];
}

/** One topic per person (tenant, user): their notifications, on every socket of theirs. */
export function userTopic(tenantId: string, userId: string): string {
  return `t/${tenantId}/u/${userId}`;
}
