// Outgoing webhooks as the server runs them: the admin's routes and this
// instance's delivery worker, over the tenant files and the shared list of
// tenants with webhooks. server.ts starts it; stop() before the files close.
import type { Sessions } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Router } from '../http/router.ts';
import type { WriteGuardOptions } from '../http/write-guard.ts';
import type { Logger } from '../log.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import { DeliveryWorker } from './delivery-worker.ts';
import { MovedWebhookSecrets } from './moved-webhook-secrets.ts';
import { SecretBox } from './secret-box.ts';
import { WebhookAdmin } from './webhook-admin.ts';
import { registerWebhookRoutes } from './webhook-routes.ts';
import { WebhookTenants } from './webhook-tenants.ts';

export interface WebhooksDeps {
  config: Pick<Config, 'dataDir' | 'instanceName' | 'webhooks'>;
  databases: TenantDatabases;
  sessions: Pick<Sessions, 'authenticate'>;
  log: Logger;
  guard: WriteGuardOptions;
}

export function startWebhooks(routes: Router, deps: WebhooksDeps): { moved: MovedWebhookSecrets; stop(): Promise<void> } {
  const { config, databases, log } = deps;
  const secrets = SecretBox.forDataDir(config.dataDir);
  const tenants = new WebhookTenants(config.dataDir);
  const admin = new WebhookAdmin({ databases, tenants, secrets, allowPrivate: config.webhooks.allowPrivate });
  registerWebhookRoutes(routes, { admin, sessions: deps.sessions, databases, log, guard: deps.guard });
  const worker = new DeliveryWorker({
    databases,
    tenants,
    secrets,
    log,
    settings: {
      instance: config.instanceName,
      allowPrivate: config.webhooks.allowPrivate,
      retryBaseMs: config.webhooks.retryBaseSeconds * 1000,
      timeoutMs: config.webhooks.timeoutSeconds * 1000,
    },
  });
  worker.start();
  return {
    moved: new MovedWebhookSecrets(secrets, tenants, log),
    async stop() {
      await worker.stop();
      tenants.close();
    },
  };
}
