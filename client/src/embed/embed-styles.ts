// The embed's CSS, put into the host page once as a <style>. The app's
// stylesheets are inlined (a module loaded by a host page has no HTML to link
// the CSS chunks Vite splits off). Their design tokens are declared on
// `:root`, which here is the host's document: they are moved onto the embed's
// own element, so the host page keeps its own variables and each embed takes
// the theme its element says (data-theme), whatever the host's <html> says.
import attachmentsCss from '../styles/attachments.css?inline';
import backlogCss from '../styles/backlog.css?inline';
import boardCss from '../styles/board.css?inline';
import capacityCss from '../styles/capacity.css?inline';
import customFieldsCss from '../styles/custom-fields.css?inline';
import formsCss from '../styles/forms.css?inline';
import inboxCss from '../styles/inbox.css?inline';
import itemCss from '../styles/item.css?inline';
import linksDatesCss from '../styles/links-dates.css?inline';
import mentionsCss from '../styles/mentions.css?inline';
import myWorkCss from '../styles/my-work.css?inline';
import shellCss from '../styles/shell.css?inline';
import timeCss from '../styles/time.css?inline';
import tokensCss from '../styles/tokens.css?inline';
import transferCss from '../styles/transfer.css?inline';

const STYLE_ID = 'tandem-board-styles';

/**
 * base.css styles the app's whole document (body, headings), which a host
 * page must keep: only what the embed needs from it, scoped, plus hiding the
 * app's navigation (the host decides which view shows; the embed's own links
 * move between them). The item panel sits under the app's top bar, which the
 * embed does not have.
 */
const EMBED_CSS = `
.tandem-embed, .tandem-embed *, .tandem-embed *::before, .tandem-embed *::after { box-sizing: border-box; }
.tandem-embed { padding: var(--space-4, 1rem); line-height: 1.5; font-size: var(--text-md, 0.9375rem); font-family: var(--font-sans); color: var(--text); background: var(--bg); }
.tandem-embed h1, .tandem-embed h2, .tandem-embed h3, .tandem-embed p { margin: 0; }
.tandem-embed a { color: var(--link); }
.tandem-embed .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.tandem-embed .breadcrumbs, .tandem-embed .project-tabs { display: none; }
.tandem-embed .item-overlay { inset: 0; }
.tandem-embed__back { display: inline-block; margin-bottom: var(--space-3); }
`;

/** The app's CSS with `:root` meaning the embed's element. */
export const scopedToEmbed = (css: string) => css.replaceAll(':root', '.tandem-embed');

export function injectEmbedStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  const app = [tokensCss, formsCss, shellCss, boardCss, itemCss, backlogCss, capacityCss, linksDatesCss, timeCss, inboxCss, myWorkCss, mentionsCss, attachmentsCss, transferCss, customFieldsCss];
  style.textContent = [...app.map(scopedToEmbed), EMBED_CSS].join('\n');
  doc.head.appendChild(style);
}

export type EmbedTheme = 'light' | 'dark';

/** The host's choice, else its container's `color-scheme` (a host in dark mode gets a dark board), else light. */
export function themeFor(container: HTMLElement, asked: EmbedTheme | undefined): EmbedTheme {
  if (asked) return asked;
  const scheme = getComputedStyle(container).colorScheme.trim();
  return scheme === 'dark' || scheme === 'only dark' ? 'dark' : 'light';
}
