// The frame around the log-in and sign-up cards.
import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { ThemeToggle } from '../theme/theme-toggle.tsx';
import { BrandMark } from '../ui/brand.tsx';

export function AuthLayout(props: { title: string; subtitle: string; children: JSX.Element; footer: JSX.Element }) {
  return (
    <div class="auth-page">
      <header class="auth-page__bar">
        <A href="/" class="brand" aria-label="Tandem home">
          <BrandMark />
          <span class="brand__name">Tandem</span>
        </A>
        <ThemeToggle />
      </header>
      <main class="auth-page__main">
        <section class="auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title" class="auth-card__title">
            {props.title}
          </h1>
          <p class="auth-card__subtitle">{props.subtitle}</p>
          {props.children}
        </section>
        <p class="auth-page__switch">{props.footer}</p>
      </main>
    </div>
  );
}
