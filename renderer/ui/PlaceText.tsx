/** An English place name with its Arabic name beside it, each in its own direction. */
export function PlaceText({ en, ar }: { en: string | null; ar: string | null }) {
  if (!en && !ar) return <span className="muted">unknown</span>;
  return (
    <>
      {en && <span dir="auto">{en}</span>}
      {en && ar && ' '}
      {ar && (
        <span dir="rtl" lang="ar" className="arabic">
          {ar}
        </span>
      )}
    </>
  );
}
