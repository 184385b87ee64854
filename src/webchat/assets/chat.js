/*
 * Web Chat on the service's pages. Gets a conversation token from the service (the Direct Line secret never
 * reaches the browser), keeps conversation id, token and watermark in the browser's storage, and after a
 * page reload reconnects to the same conversation, replaying its history; refreshes the token when needed.
 * Plain ES2017 for every current browser; reads its settings from <script id="webchat-settings">.
 */
(function () {
  'use strict';

  var settings = JSON.parse(document.getElementById('webchat-settings').textContent);
  var base = settings.baseUrl || window.location.origin;
  var domain = base + '/v3/directline';
  var container = document.getElementById('webchat');
  var statusBox = document.getElementById('webchat-status');
  var newButton = document.getElementById('webchat-new');
  /** Tokens with less than this left are refreshed before reconnecting. */
  var REFRESH_MARGIN_MS = 5 * 60 * 1000;
  var ConnectionStatus = { Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };

  var TEXT = {
    cannotConnect: 'Không kết nối được với trợ lý ảo. Anh/Chị vui lòng kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
    expired: 'Phiên trò chuyện đã hết hạn.',
    startNew: 'Bắt đầu cuộc trò chuyện mới',
    busy: 'Hệ thống đang bận. Anh/Chị vui lòng thử lại sau ít phút.',
  };

  var storage = (function () {
    try {
      var s = settings.storage === 'local' ? window.localStorage : window.sessionStorage;
      s.setItem('__probe', '1');
      s.removeItem('__probe');
      return s;
    } catch (e) {
      return null; // storage blocked: the conversation lasts as long as the page
    }
  })();

  function load() {
    if (!storage) return null;
    try {
      var v = JSON.parse(storage.getItem(settings.storageKey) || 'null');
      return v && typeof v.conversationId === 'string' && typeof v.token === 'string' && typeof v.userId === 'string' ? v : null;
    } catch (e) {
      return null;
    }
  }

  function save(session) {
    if (!storage) return;
    try {
      storage.setItem(
        settings.storageKey,
        JSON.stringify({ conversationId: session.conversationId, token: session.token, userId: session.userId, watermark: session.watermark }),
      );
    } catch (e) {
      /* storage full or blocked: nothing to do */
    }
  }

  function forget() {
    if (storage) storage.removeItem(settings.storageKey);
  }

  /** When a token expires (ms), read from its payload; 0 if unreadable. */
  function expiresAt(token) {
    try {
      var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      while (payload.length % 4) payload += '=';
      return JSON.parse(atob(payload)).exp * 1000;
    } catch (e) {
      return 0;
    }
  }

  function postJson(url, token) {
    var headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(url, { method: 'POST', headers: headers, credentials: 'omit' }).then(function (res) {
      if (!res.ok) {
        var error = new Error('HTTP ' + res.status);
        error.status = res.status;
        throw error;
      }
      return res.json();
    });
  }

  function showStatus(message, action) {
    statusBox.textContent = message;
    if (action) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', action.run);
      statusBox.appendChild(button);
    }
    statusBox.hidden = false;
  }

  function hideStatus() {
    statusBox.hidden = true;
    statusBox.textContent = '';
  }

  function newSession() {
    return postJson(base + '/api/webchat/token').then(function (r) {
      return { conversationId: r.conversationId, token: r.token, userId: r.userId, watermark: '0', resumed: false };
    });
  }

  /** The stored conversation, with a token good for a while, or null if it cannot be resumed. */
  function resumeSession(saved) {
    var left = expiresAt(saved.token) - Date.now();
    if (left <= 15000) return Promise.resolve(null);
    var session = { conversationId: saved.conversationId, token: saved.token, userId: saved.userId, watermark: String(saved.watermark || '0'), resumed: true };
    if (left >= REFRESH_MARGIN_MS) return Promise.resolve(session);
    return postJson(domain + '/tokens/refresh', saved.token).then(
      function (r) {
        session.token = r.token;
        return session;
      },
      function () {
        return null;
      },
    );
  }

  /**
   * The bot writes one item a line (documents, fees, card facts); Web Chat reads text as Markdown, where a
   * single line break is only a space. Make each one a hard break in the bot's messages and cards.
   */
  function hardBreaks(text) {
    return typeof text === 'string' ? text.replace(/([^\n])[ \t]*\n(?!\n)/g, '$1  \n') : text;
  }

  function withLineBreaks(activity) {
    if (!activity || activity.type !== 'message' || !activity.from || activity.from.role !== 'bot') return activity;
    if (activity.textFormat && activity.textFormat !== 'markdown') return activity;
    var copy = Object.assign({}, activity, { text: hardBreaks(activity.text) });
    if (Array.isArray(activity.attachments)) {
      copy.attachments = activity.attachments.map(function (attachment) {
        if (attachment.contentType !== 'application/vnd.microsoft.card.hero' || !attachment.content) return attachment;
        // Adaptive Cards (which render hero cards) keep paragraphs, not Markdown hard breaks.
        var text = attachment.content.text;
        if (typeof text === 'string') text = text.replace(/\n+/g, '\n\n');
        return Object.assign({}, attachment, { content: Object.assign({}, attachment.content, { text: text }) });
      });
    }
    return copy;
  }

  function createStore() {
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action && action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload) {
            action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: withLineBreaks(action.payload.activity) }) });
          }
          return next(action);
        };
      };
    });
  }

  var current = null;

  function stop() {
    if (!current) return;
    current.subscriptions.forEach(function (s) {
      s.unsubscribe();
    });
    current.directLine.end();
    current = null;
  }

  function start(fresh) {
    stop();
    var saved = fresh ? null : load();
    return (saved ? resumeSession(saved) : Promise.resolve(null))
      .then(function (session) {
        return session || newSession();
      })
      .then(function (session) {
        save(session);
        render(session);
      })
      .catch(function (error) {
        showStatus(error && error.status === 429 ? TEXT.busy : TEXT.cannotConnect, { label: TEXT.retry, run: function () { start(false); } });
      });
  }

  function render(session) {
    var options = { domain: domain, token: session.token, webSocket: true };
    if (session.resumed) {
      // Replay the history: from up to historyLimit activities before the stored watermark.
      options.conversationId = session.conversationId;
      options.watermark = String(Math.max(0, Number(session.watermark) - settings.historyLimit));
    }
    var directLine = window.WebChat.createDirectLine(options);
    var subscriptions = [];
    var state = { directLine: directLine, subscriptions: subscriptions, gaveUp: false };

    subscriptions.push(
      directLine.activity$.subscribe(function () {
        if (directLine.watermark) session.watermark = directLine.watermark;
        if (directLine.token) session.token = directLine.token;
        save(session);
      }),
    );
    subscriptions.push(
      directLine.connectionStatus$.subscribe(function (status) {
        if (current !== state) return;
        if (status === ConnectionStatus.Online) {
          hideStatus();
          if (directLine.conversationId && directLine.conversationId !== session.conversationId) session.conversationId = directLine.conversationId;
          save(session);
        } else if ((status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.Ended) && session.resumed && !state.gaveUp) {
          // The stored conversation is gone (expired, or the service lost it): start a new one.
          state.gaveUp = true;
          forget();
          start(true);
        } else if (status === ConnectionStatus.FailedToConnect) {
          showStatus(TEXT.cannotConnect, { label: TEXT.retry, run: function () { start(false); } });
        } else if (status === ConnectionStatus.ExpiredToken) {
          showStatus(TEXT.expired, { label: TEXT.startNew, run: function () { forget(); start(true); } });
        }
      }),
    );
    // Keep the refreshed token (directlinejs renews it every 15 minutes) even when nothing is said.
    var timer = setInterval(function () {
      if (directLine.token && directLine.token !== session.token) {
        session.token = directLine.token;
        save(session);
      }
    }, 60 * 1000);
    subscriptions.push({ unsubscribe: function () { clearInterval(timer); } });

    current = state;
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: createStore(),
        userID: session.userId,
        locale: settings.locale,
        sendTypingIndicator: false,
        styleOptions: {
          accent: settings.primaryColor,
          botAvatarImage: settings.botAvatar,
          botAvatarInitials: 'TL',
          hideUploadButton: true,
          suggestedActionLayout: 'flow',
          suggestedActionBorderColor: settings.primaryColor,
          suggestedActionTextColor: settings.primaryColor,
          suggestedActionBorderRadius: 16,
          bubbleBorderRadius: 12,
          bubbleFromUserBorderRadius: 12,
          bubbleFromUserBackground: settings.primaryColor,
          bubbleFromUserTextColor: '#ffffff',
          sendBoxButtonColor: settings.primaryColor,
          richCardWrapTitle: true,
          backgroundColor: '#f7f7f9',
          primaryFont: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
        },
        overrideLocalizedStrings: {
          TEXT_INPUT_PLACEHOLDER: 'Anh/Chị nhập câu hỏi, có dấu hay không dấu đều được',
          ACTIVITY_YOU_SAID_ALT: 'Anh/Chị đã nói:',
          ACTIVITY_YOU_ATTACHED_ALT: 'Anh/Chị đã đính kèm:',
          ACTIVITY_BOT_SAID_ALT: settings.botName + ' đã nói:',
          ACTIVITY_BOT_ATTACHED_ALT: settings.botName + ' đã đính kèm:',
          CONNECTIVITY_STATUS_ALT_RENDER_ERROR: 'Lỗi hiển thị. Anh/Chị vui lòng tải lại trang.',
        },
      },
      container,
    );
  }

  if (newButton) {
    newButton.addEventListener('click', function () {
      forget();
      start(true);
    });
  }
  start(false);
})();
