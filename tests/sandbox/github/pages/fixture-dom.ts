import { Window } from 'happy-dom';

/** A fixture page as a browser would get it: the HTTP answer and its parsed DOM. */
export interface LoadedPage {
  readonly status: number;
  readonly headers: Headers;
  readonly html: string;
  readonly window: Window;
  readonly document: Window['document'];
}

export interface LoadOptions {
  /** Run the page's inline script (soft navigation); off by default so parsing never touches the network. */
  readonly scripts?: boolean;
  readonly headers?: Record<string, string>;
}

/**
 * Fetch a page over HTTPS at its real URL (Node resolves the real host names to the sandbox) and parse it with
 * happy-dom at that URL, so relative links resolve the way they do in the browser.
 */
export async function loadPage(url: string, options: LoadOptions = {}): Promise<LoadedPage> {
  const response = await fetch(url, { redirect: 'manual', headers: options.headers });
  const html = await response.text();
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: options.scripts === true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableCSSFileLoading: true,
      disableJavaScriptFileLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  window.document.write(html);
  return { status: response.status, headers: response.headers, html, window, document: window.document };
}

/** Every page opened in a test file, closed after it. */
export class PageShelf {
  private readonly open: Window[] = [];

  async load(url: string, options?: LoadOptions): Promise<LoadedPage> {
    const page = await loadPage(url, options);
    this.open.push(page.window);
    return page;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.open.splice(0).map((w) => w.happyDOM.close()));
  }
}
