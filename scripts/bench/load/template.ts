// One tenant with a project and one item, made through the server like any
// client would; the cold-tenant scenario copies its file many times.
import { tokenSigner } from '../auth.ts';
import { serveLoad } from '../load-process.ts';
import type { Target } from '../servers.ts';
import { connect } from './clients.ts';
import { projectKey } from './util.ts';

export interface TemplateInput {
  target: Target;
  url: string;
  privatePem: string;
  tenantId: string;
  userId: string;
}

export interface TemplateOutput {
  projectId: string;
  itemId: string;
  version: number;
}

async function run(input: TemplateInput): Promise<TemplateOutput> {
  const client = await connect(input.target, input.url, tokenSigner(input.privatePem)({ tenantId: input.tenantId, userId: input.userId }));
  const { projectId, todoStatusId } = await client.createProject(projectKey(), 'Template');
  const item = await client.createItem(projectId, todoStatusId, 'one card');
  client.close();
  return { projectId, ...item };
}

serveLoad(run);
