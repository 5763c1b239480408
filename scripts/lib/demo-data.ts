// What the demo workspace holds, as plain data: the story it tells (a product
// team mid-quarter) can be read and edited without the protocol code in
// seed-demo.ts. Status names are the default workflow a new project gets.
export type Person = 'owner' | 'editor' | 'viewer';
export type StatusName = 'Backlog' | 'To Do' | 'In Progress' | 'In Review' | 'Done';
export type SprintSlot = 'past' | 'current' | 'next';
export type PriorityName = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT';

export interface DemoItem {
  type: 'STORY' | 'TASK' | 'BUG';
  title: string;
  description?: string;
  status: StatusName;
  priority?: PriorityName;
  points?: number;
  assignee?: Person;
  labels?: string[];
  sprint?: SprintSlot;
  subtasks?: Array<{ title: string; status: StatusName; assignee?: Person }>;
  /** Viewers cannot comment, so only these two speak. */
  comments?: Array<{ by: 'owner' | 'editor'; body: string }>;
}

export interface DemoEpic {
  title: string;
  description: string;
  items: DemoItem[];
}

export interface DemoProject {
  key: string;
  name: string;
  description: string;
  /** Null: a kanban-style project without sprints. */
  sprints: Record<SprintSlot, { name: string; goal: string }> | null;
  epics: DemoEpic[];
  /** Items that belong to no epic. */
  loose: DemoItem[];
}

export const WORKSPACE_NAME = 'Acme Product';

export const PEOPLE: Record<Person, { displayName: string; mailbox: string }> = {
  owner: { displayName: 'Alex Rivera', mailbox: 'demo' },
  editor: { displayName: 'Maya Chen', mailbox: 'maya' },
  viewer: { displayName: 'Sam Okafor', mailbox: 'sam' },
};

export const DEMO_PROJECTS: DemoProject[] = [
  {
    key: 'WEB',
    name: 'Web app',
    description: 'The customer-facing web shop: browsing, checkout and accounts.',
    sprints: {
      past: { name: 'WEB Sprint 14', goal: 'Google sign-in live for all users' },
      current: { name: 'WEB Sprint 15', goal: 'One-page checkout behind a feature flag' },
      next: { name: 'WEB Sprint 16', goal: 'Roll out checkout v2 and the onboarding checklist' },
    },
    epics: [
      {
        title: 'Checkout redesign',
        description: 'Cut checkout from four steps to one. Target: +3 % conversion on mobile web.',
        items: [
          {
            type: 'STORY', title: 'One-page checkout with address autocomplete', status: 'In Progress',
            priority: 'HIGH', points: 8, assignee: 'editor', labels: ['checkout', 'frontend'], sprint: 'current',
            description: 'As a shopper I can enter address, shipping and payment on one page.\n\n- Autocomplete the address\n- Keep the cart summary visible',
            subtasks: [
              { title: 'Build the address autocomplete component', status: 'Done', assignee: 'editor' },
              { title: 'Wire the Places API behind the checkout_v2 flag', status: 'In Progress', assignee: 'editor' },
              { title: 'End-to-end tests for the new checkout', status: 'To Do', assignee: 'owner' },
            ],
            comments: [
              { by: 'owner', body: 'Keep the old flow behind the flag until the conversion numbers are in.' },
              { by: 'editor', body: 'Agreed. The flag is `checkout_v2`, off in production by default.' },
            ],
          },
          {
            type: 'STORY', title: 'Save payment methods for returning customers', status: 'To Do',
            priority: 'MEDIUM', points: 5, assignee: 'owner', labels: ['checkout', 'payments'], sprint: 'current',
          },
          {
            type: 'BUG', title: 'Promo code field accepts expired codes', status: 'In Review',
            priority: 'URGENT', points: 2, assignee: 'editor', labels: ['checkout', 'regression'], sprint: 'current',
            description: 'Steps: apply SPRING23 at checkout. Expected: "This code has expired". Actual: 15 % off.',
            comments: [{ by: 'editor', body: 'Fix is up for review: the expiry check compared dates in local time.' }],
          },
          {
            type: 'STORY', title: 'Show the delivery estimate before payment', status: 'Backlog',
            priority: 'LOW', points: 3, labels: ['checkout'], sprint: 'next',
          },
          {
            type: 'TASK', title: 'Remove the legacy cart service calls', status: 'Done',
            priority: 'MEDIUM', points: 3, assignee: 'owner', labels: ['tech-debt'], sprint: 'past',
          },
        ],
      },
      {
        title: 'Accounts and onboarding',
        description: 'Make signing up and coming back painless.',
        items: [
          {
            type: 'STORY', title: 'Sign in with Google', status: 'Done',
            priority: 'HIGH', points: 5, assignee: 'editor', labels: ['auth'], sprint: 'past',
            subtasks: [
              { title: 'Register the OAuth client', status: 'Done', assignee: 'owner' },
              { title: 'Link accounts that already use the same email', status: 'Done', assignee: 'editor' },
            ],
            comments: [{ by: 'owner', body: 'Shipped to 100 % on Tuesday. 18 % of sign-ins use it already.' }],
          },
          {
            type: 'STORY', title: 'Password reset emails use the new template', status: 'Done',
            priority: 'LOW', points: 2, assignee: 'owner', labels: ['auth', 'email'], sprint: 'past',
          },
          {
            // Still in progress when its sprint closes: the seeder carries it into the current sprint.
            type: 'BUG', title: 'Session expires while filling in the onboarding form', status: 'In Progress',
            priority: 'HIGH', points: 3, assignee: 'editor', labels: ['auth'], sprint: 'past',
            comments: [
              { by: 'editor', body: 'Repro: leave the tab idle for 30 minutes on step 3, then press Next.' },
              { by: 'owner', body: 'Carrying this over; it blocks the onboarding checklist.' },
            ],
          },
          {
            type: 'STORY', title: 'Onboarding checklist on the dashboard', status: 'To Do',
            priority: 'MEDIUM', points: 5, labels: ['onboarding'], sprint: 'next',
          },
          {
            type: 'TASK', title: 'Review the copy on the sign-up page', status: 'Backlog',
            priority: 'LOW', points: 1, labels: ['onboarding', 'copy'],
          },
        ],
      },
      {
        title: 'Performance',
        description: 'Largest Contentful Paint under 2.5 s on a mid-range phone.',
        items: [
          {
            type: 'TASK', title: 'Lazy-load product images below the fold', status: 'Done',
            priority: 'MEDIUM', points: 3, assignee: 'editor', labels: ['frontend', 'performance'], sprint: 'past',
          },
          {
            type: 'BUG', title: 'Search results re-render on every keystroke', status: 'To Do',
            priority: 'HIGH', points: 3, assignee: 'owner', labels: ['performance'], sprint: 'current',
          },
          {
            type: 'TASK', title: 'Fail CI when the bundle grows past its budget', status: 'Backlog',
            priority: 'MEDIUM', points: 2, labels: ['ci', 'performance'],
          },
          {
            type: 'STORY', title: 'Cache product listings at the edge', status: 'Backlog',
            priority: 'MEDIUM', points: 8, labels: ['performance'], sprint: 'next',
          },
        ],
      },
    ],
    loose: [
      {
        type: 'BUG', title: 'Footer links overlap on small screens', status: 'To Do',
        priority: 'LOW', points: 1, labels: ['frontend', 'ui'], sprint: 'current',
      },
      {
        type: 'TASK', title: 'Move the deploy image to Node 20', status: 'Done',
        priority: 'MEDIUM', points: 2, assignee: 'owner', labels: ['ci'], sprint: 'past',
      },
    ],
  },
  {
    key: 'MOB',
    name: 'Mobile',
    description: 'The iOS and Android apps.',
    sprints: {
      past: { name: 'MOB Sprint 8', goal: 'FCM migration done before the old API shuts down' },
      current: { name: 'MOB Sprint 9', goal: 'Offline edits that never lose data' },
      next: { name: 'MOB Sprint 10', goal: 'Release 2.4 to the stores' },
    },
    epics: [
      {
        title: 'Offline mode',
        description: 'Everything you can do online works offline and syncs when the network returns.',
        items: [
          {
            type: 'STORY', title: 'Queue edits while offline and sync on reconnect', status: 'In Progress',
            priority: 'HIGH', points: 8, assignee: 'editor', labels: ['offline', 'sync'], sprint: 'current',
            subtasks: [
              { title: 'Persist the outbox in SQLite', status: 'Done', assignee: 'editor' },
              { title: 'Retry with backoff on reconnect', status: 'In Progress', assignee: 'editor' },
              { title: 'Banner when the server version wins a conflict', status: 'To Do', assignee: 'owner' },
            ],
            comments: [
              { by: 'owner', body: 'What happens when the same item was edited on the web meanwhile?' },
              { by: 'editor', body: 'The server rejects the stale version; we show its copy and keep ours as a draft.' },
            ],
          },
          {
            type: 'STORY', title: 'Offline indicator in the app bar', status: 'Done',
            priority: 'LOW', points: 2, assignee: 'editor', labels: ['offline', 'ui'], sprint: 'past',
          },
          {
            type: 'BUG', title: 'Drafts lost when the app is killed in the background', status: 'In Review',
            priority: 'URGENT', points: 5, assignee: 'owner', labels: ['offline'], sprint: 'current',
            comments: [{ by: 'editor', body: 'Happens on iOS only; Android saves the draft in onPause.' }],
          },
        ],
      },
      {
        title: 'Push notifications',
        description: 'Tell people about work that needs them, and nothing else.',
        items: [
          {
            type: 'STORY', title: 'Notify people when they are mentioned', status: 'To Do',
            priority: 'MEDIUM', points: 5, labels: ['notifications'], sprint: 'current',
          },
          {
            type: 'TASK', title: 'Migrate to the FCM HTTP v1 API', status: 'Done',
            priority: 'HIGH', points: 3, assignee: 'editor', labels: ['android', 'notifications'], sprint: 'past',
          },
          {
            type: 'STORY', title: 'Quiet hours setting', status: 'Backlog',
            priority: 'LOW', points: 3, labels: ['notifications'], sprint: 'next',
          },
          {
            type: 'BUG', title: 'Badge count not cleared after reading on another device', status: 'To Do',
            priority: 'MEDIUM', points: 2, labels: ['ios'], sprint: 'next',
          },
        ],
      },
      {
        title: 'Release 2.4',
        description: 'Store listing, release notes and the last fixes for 2.4.',
        items: [
          {
            type: 'TASK', title: 'New screenshots for 6.7-inch iPhones', status: 'Backlog',
            priority: 'LOW', points: 1, labels: ['ios', 'release'],
          },
          {
            type: 'TASK', title: 'Write the release notes', status: 'To Do',
            priority: 'MEDIUM', points: 1, assignee: 'owner', labels: ['release'], sprint: 'current',
          },
          {
            type: 'BUG', title: 'Crash on Android 10 when opening the camera picker', status: 'Done',
            priority: 'HIGH', points: 3, assignee: 'editor', labels: ['android', 'crash'], sprint: 'past',
            comments: [{ by: 'editor', body: 'Missing runtime permission check; fixed and covered by a UI test.' }],
          },
        ],
      },
    ],
    loose: [],
  },
  {
    key: 'OPS',
    name: 'Platform',
    description: 'Infrastructure, observability and backups. Runs as a kanban board, without sprints.',
    sprints: null,
    epics: [
      {
        title: 'Observability',
        description: 'Know about a problem before a customer does.',
        items: [
          {
            type: 'TASK', title: 'Ship server logs to the log pipeline', status: 'In Progress',
            priority: 'MEDIUM', assignee: 'owner', labels: ['infra'],
          },
          {
            type: 'TASK', title: 'Alert when a WAL file grows past 1 GiB', status: 'To Do',
            priority: 'HIGH', labels: ['infra', 'sqlite'],
          },
          {
            type: 'TASK', title: 'Dashboard for per-tenant write latency', status: 'Backlog',
            priority: 'LOW', labels: ['infra'],
          },
        ],
      },
    ],
    loose: [
      {
        type: 'STORY', title: 'Nightly backups with an integrity check', status: 'In Review',
        priority: 'HIGH', assignee: 'editor', labels: ['backup'],
        comments: [{ by: 'editor', body: 'Uses `npm run backup`; it exits 1 when a copy fails its check.' }],
      },
      {
        type: 'BUG', title: 'Backup job skipped tenants created after midnight', status: 'Done',
        priority: 'URGENT', assignee: 'owner', labels: ['backup'],
      },
    ],
  },
];
