/**
 * A link out of the app, shown as its address. It opens outside the app's window (the
 * transports decide how) and never replaces the app; anything but http(s) stays plain text.
 */
export function ExternalLink({ url, label }: { url: string; label?: string }) {
  const safe = /^https?:\/\//i.test(url.trim());
  if (!safe) return <span className="url">{label ?? url}</span>;
  return (
    <a className="url" href={url.trim()} target="_blank" rel="noreferrer noopener">
      {label ?? url}
    </a>
  );
}
