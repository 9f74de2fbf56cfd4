/** A view renders into the app element; `params` holds the URL's query. */
export type View = (app: HTMLElement, params: URLSearchParams) => void;

/**
 * The smallest history router: links with `data-link` change the URL with `history.pushState` instead of
 * loading a page, and the back button (`popstate`) renders the previous view. Any router works the same
 * way with Touchpoint (React Router, Vue Router…): the SDK watches the History API, not the router.
 */
export function startRouter(
  app: HTMLElement,
  routes: Record<string, View>,
  notFound: View,
): (path: string) => void {
  const render = (): void => {
    const view = routes[location.pathname] ?? notFound;
    view(app, new URLSearchParams(location.search));
  };
  const navigate = (path: string): void => {
    history.pushState(null, '', path);
    render();
  };
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.('a[data-link]');
    if (!(link instanceof HTMLAnchorElement) || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    if (link.href !== location.href) navigate(link.pathname + link.search);
  });
  addEventListener('popstate', render);
  render();
  return navigate;
}
