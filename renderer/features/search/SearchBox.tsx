import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';

/** True when a key press is typing into something, so single-key shortcuts must not fire. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.closest('input, textarea, select, [contenteditable=""], [contenteditable=true]')));
}

/**
 * The search field in the top bar: '/' anywhere (outside a field) puts the cursor in it, Enter
 * searches incidents, sources and victims at once.
 */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = location.pathname === '/search';
  const [text, setText] = useState(onSearchPage ? (params.get('q') ?? '') : '');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const urlQuery = onSearchPage ? (params.get('q') ?? '') : null;
  useEffect(() => {
    if (urlQuery !== null) setText(urlQuery);
  }, [urlQuery]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const q = text.trim();
    if (!q) return;
    navigate({ pathname: '/search', search: `?${new URLSearchParams({ q }).toString()}` });
  }

  return (
    <form role="search" className="search-box" onSubmit={onSubmit}>
      <input
        ref={input}
        type="search"
        dir="auto"
        name="q"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Search (press /)"
        aria-label="Search incidents, sources and victims"
        aria-keyshortcuts="/"
      />
    </form>
  );
}
