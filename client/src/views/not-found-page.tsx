import { A } from '@solidjs/router';

export function NotFoundPage() {
  return (
    <main class="centered-page">
      <div class="panel empty-state">
        <p class="page__eyebrow">404</p>
        <h1 class="page__title">There is nothing at this address</h1>
        <p class="empty-state__text">
          Check the link, or go back to <A href="/">your projects</A>.
        </p>
      </div>
    </main>
  );
}
