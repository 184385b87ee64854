/*
 * The one-line embed: <script src="https://<service>/webchat/embed.js" async></script> on a portal page
 * adds a floating button that opens the chat (the service's /webchat/frame in an iframe). Optional
 * attributes on the script tag: data-title, data-color (#RRGGBB), data-position ("left" or "right").
 * The service fills in SETTINGS when it serves this file.
 */
(function () {
  'use strict';
  var SETTINGS = /*__SETTINGS__*/ null;
  if (!SETTINGS || window.__troLyThuTucEmbed) return;
  window.__troLyThuTucEmbed = true;

  var script =
    document.currentScript ||
    (function () {
      var all = document.getElementsByTagName('script');
      for (var i = all.length - 1; i >= 0; i--) if (/\/webchat\/embed\.js(\?|$)/.test(all[i].src)) return all[i];
      return null;
    })();
  var base = script ? script.src.replace(/\/webchat\/embed\.js(\?.*)?$/, '') : '';
  var title = (script && script.getAttribute('data-title')) || SETTINGS.title;
  var colorAttr = script && script.getAttribute('data-color');
  var color = colorAttr && /^#[0-9a-fA-F]{6}$/.test(colorAttr) ? colorAttr : SETTINGS.primaryColor;
  var side = script && script.getAttribute('data-position') === 'left' ? 'left' : 'right';
  var OPEN_KEY = 'tro-ly-thu-tuc:embed-open';

  function css(el, styles) {
    for (var k in styles) el.style[k] = styles[k];
  }

  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'tltt-chat-button';
  button.setAttribute('aria-label', SETTINGS.openLabel + ': ' + title);
  button.setAttribute('aria-expanded', 'false');
  button.innerHTML =
    '<svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>' +
    '<span class="tltt-chat-label"></span>';
  button.querySelector('.tltt-chat-label').textContent = SETTINGS.buttonLabel;
  css(button, {
    position: 'fixed', bottom: '20px', zIndex: '2147483000', display: 'flex', alignItems: 'center', gap: '8px',
    padding: '12px 18px', border: '0', borderRadius: '28px', background: color, color: '#fff', cursor: 'pointer',
    font: '600 15px/1.2 "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif', boxShadow: '0 6px 20px rgba(0,0,0,.25)',
  });
  button.style[side] = '20px';

  var panel = document.createElement('div');
  panel.className = 'tltt-chat-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);
  css(panel, {
    position: 'fixed', bottom: '84px', width: '400px', maxWidth: 'calc(100vw - 24px)', height: '620px',
    maxHeight: 'calc(100vh - 108px)', zIndex: '2147483000', borderRadius: '12px', overflow: 'hidden',
    boxShadow: '0 10px 36px rgba(0,0,0,.3)', background: '#fff', display: 'none',
  });
  panel.style[side] = '20px';

  var closeButton = document.createElement('button');
  closeButton.type = 'button';
  closeButton.setAttribute('aria-label', SETTINGS.closeLabel);
  closeButton.textContent = '×';
  css(closeButton, {
    position: 'absolute', top: '8px', right: '8px', width: '28px', height: '28px', border: '0', borderRadius: '50%',
    background: 'rgba(0,0,0,.25)', color: '#fff', font: '20px/28px Arial, sans-serif', cursor: 'pointer', zIndex: '1',
  });
  panel.appendChild(closeButton);

  var frame = null;
  function remember(open) {
    try {
      window.sessionStorage.setItem(OPEN_KEY, open ? '1' : '0');
    } catch (e) {
      /* storage blocked */
    }
  }
  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = base + '/webchat/frame';
      frame.title = title;
      frame.setAttribute('allow', 'clipboard-write');
      css(frame, { width: '100%', height: '100%', border: '0', display: 'block' });
      panel.appendChild(frame);
    }
    panel.style.display = 'block';
    button.setAttribute('aria-expanded', 'true');
    remember(true);
  }
  function close() {
    panel.style.display = 'none';
    button.setAttribute('aria-expanded', 'false');
    remember(false);
    button.focus();
  }
  button.addEventListener('click', function () {
    if (panel.style.display === 'none') open();
    else close();
  });
  closeButton.addEventListener('click', close);
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && panel.style.display !== 'none') close();
  });

  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(button);
    var wasOpen = false;
    try {
      wasOpen = window.sessionStorage.getItem(OPEN_KEY) === '1';
    } catch (e) {
      wasOpen = false;
    }
    if (wasOpen) open();
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
