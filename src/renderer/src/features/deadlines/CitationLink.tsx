import { ExternalLink } from 'lucide-react';

/**
 * A rule's citation. In the browser it opens in a new tab without a referrer; in Electron the
 * window-open handler (src/main/security.ts) asks before it opens anything, and only https.
 */
export function CitationLink({ url, text }: { readonly url: string; readonly text: string }) {
  if (!/^https:\/\//.test(url)) return <span>{text}</span>;
  return (
    <a href={url} target="_blank" rel="noreferrer" title={`${text} (opens ${new URL(url).host})`}>
      {text} <ExternalLink aria-hidden size={12} />
    </a>
  );
}
