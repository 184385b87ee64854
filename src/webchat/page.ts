/**
 * The HTML the service serves for the widget: the demo portal page (`/`), the chat page a portal frames
 * (`/webchat/frame`, opened by the embed script), a demo of the embed script, and the settings the
 * browser scripts read. Every citizen-facing text here is Vietnamese and polite (Anh/Chị).
 */

export interface WidgetSettings {
  title: string;
  organisation: string;
  primaryColor: string;
  botAvatar: string;
  botName: string;
  storage: 'session' | 'local';
  historyLimit: number;
  /** Cache-busting version of the Web Chat bundle. */
  bundleVersion: string;
  /** Cache-busting version of the service's own scripts. */
  assetVersion: string;
}

/** Settings the browser script reads (no secrets: nothing here is private). */
export interface ClientSettings {
  title: string;
  botName: string;
  botAvatar: string;
  primaryColor: string;
  storage: 'session' | 'local';
  storageKey: string;
  historyLimit: number;
  locale: 'vi-VN';
  /** Base URL of the service; empty: the page's own origin. */
  baseUrl: string;
}

export const texts = {
  intro:
    'Trợ lý ảo giúp Anh/Chị tìm đúng thủ tục hành chính, biết cần chuẩn bị giấy tờ gì, lệ phí, thời gian giải quyết ' +
    'và nơi nộp hồ sơ. Anh/Chị có thể gõ câu hỏi có dấu hoặc không dấu.',
  chatRegion: 'Khung trò chuyện với trợ lý ảo',
  newConversation: 'Cuộc trò chuyện mới',
  loading: 'Đang kết nối với trợ lý ảo…',
  noScript: 'Anh/Chị vui lòng bật JavaScript để trò chuyện với trợ lý ảo.',
  embedHeading: 'Nhúng trợ lý vào cổng thông tin',
  embedHelp: 'Chèn một dòng sau vào trang của cổng, trước thẻ đóng </body>, để có nút trò chuyện nổi ở góc màn hình:',
  embedDemo: 'Xem thử nút trò chuyện nổi',
  embedDemoIntro: 'Đây là trang mẫu của một cổng thông tin. Anh/Chị bấm nút ở góc dưới bên phải để hỏi trợ lý ảo.',
  backHome: 'Về trang chính',
  disclaimer: 'Trợ lý ảo trả lời dựa trên dữ liệu thủ tục hành chính công bố trên Cổng Dịch vụ công quốc gia.',
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function clientSettings(s: WidgetSettings): ClientSettings {
  return {
    title: s.title,
    botName: s.botName,
    botAvatar: s.botAvatar,
    primaryColor: s.primaryColor,
    storage: s.storage,
    storageKey: 'tro-ly-thu-tuc:webchat',
    historyLimit: s.historyLimit,
    locale: 'vi-VN',
    baseUrl: '',
  };
}

function head(s: WidgetSettings, title: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="/webchat/assets/avatar.svg" type="image/svg+xml">
<link rel="stylesheet" href="/webchat/assets/portal.css?v=${s.assetVersion}">
<style>:root { --primary: ${s.primaryColor}; }</style>
</head>`;
}

function chatPanel(s: WidgetSettings, extraClass = ''): string {
  return `<section class="chat-panel ${extraClass}" aria-label="${escapeHtml(texts.chatRegion)}">
  <header class="chat-header">
    <img class="chat-avatar" src="${escapeHtml(s.botAvatar)}" alt="" width="36" height="36">
    <div class="chat-titles">
      <div class="chat-title">${escapeHtml(s.title)}</div>
      <div class="chat-subtitle">${escapeHtml(s.organisation)}</div>
    </div>
    <button type="button" id="webchat-new" class="chat-new" title="${escapeHtml(texts.newConversation)}">${escapeHtml(texts.newConversation)}</button>
  </header>
  <div id="webchat-status" class="chat-status" role="status">${escapeHtml(texts.loading)}</div>
  <div id="webchat" class="chat-body"></div>
  <noscript><p class="chat-status">${escapeHtml(texts.noScript)}</p></noscript>
</section>`;
}

function chatScripts(s: WidgetSettings): string {
  return `<script id="webchat-settings" type="application/json">${scriptJson(clientSettings(s))}</script>
<script src="/webchat/webchat.js?v=${s.bundleVersion}"></script>
<script src="/webchat/chat.js?v=${s.assetVersion}"></script>`;
}

function portalHeader(s: WidgetSettings): string {
  return `<header class="portal-header">
  <div class="portal-brand">${escapeHtml(s.organisation)}</div>
</header>`;
}

/** `/`: a portal page with the chat beside an explanation and the embed snippet. */
export function demoPage(s: WidgetSettings, baseUrl: string): string {
  const snippet = `<script src="${baseUrl}/webchat/embed.js" async></script>`;
  return `${head(s, s.title)}
<body class="portal">
${portalHeader(s)}
<main class="portal-main">
  <section class="portal-intro">
    <h1>${escapeHtml(s.title)}</h1>
    <p>${escapeHtml(texts.intro)}</p>
    <p class="portal-note">${escapeHtml(texts.disclaimer)}</p>
    <h2>${escapeHtml(texts.embedHeading)}</h2>
    <p>${escapeHtml(texts.embedHelp)}</p>
    <pre class="portal-snippet"><code>${escapeHtml(snippet)}</code></pre>
    <p><a href="/webchat/embed-demo">${escapeHtml(texts.embedDemo)}</a></p>
  </section>
  ${chatPanel(s)}
</main>
${chatScripts(s)}
</body>
</html>
`;
}

/** `/webchat/frame`: the chat alone, for the embed script's iframe. */
export function framePage(s: WidgetSettings): string {
  return `${head(s, s.title)}
<body class="frame">
${chatPanel(s, 'chat-panel--frame')}
${chatScripts(s)}
</body>
</html>
`;
}

/** `/webchat/embed-demo`: a portal page that includes the one-line embed snippet. */
export function embedDemoPage(s: WidgetSettings): string {
  return `${head(s, `${s.title} — ${texts.embedDemo}`)}
<body class="portal">
${portalHeader(s)}
<main class="portal-main portal-main--single">
  <section class="portal-intro">
    <h1>${escapeHtml(texts.embedDemo)}</h1>
    <p>${escapeHtml(texts.embedDemoIntro)}</p>
    <p><a href="/">${escapeHtml(texts.backHome)}</a></p>
  </section>
</main>
<script src="/webchat/embed.js" async></script>
</body>
</html>
`;
}
