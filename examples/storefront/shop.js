// The shop's own behaviour: cart, sign-in, checkout. Every Touchpoint call is a plain `touchpoint(...)`
// command, queued by the snippet's stub until touchpoint.min.js has loaded.
(function () {
  var CART_KEY = 'shop-cart';
  var USER_KEY = 'shop-user';
  var catalog = window.SHOP_CATALOG;
  var params = new URLSearchParams(location.search);

  function cart() {
    try {
      return JSON.parse(localStorage.getItem(CART_KEY) || '[]');
    } catch (e) {
      return [];
    }
  }
  function saveCart(items) {
    localStorage.setItem(CART_KEY, JSON.stringify(items));
    renderCartCount();
  }
  function $(selector) {
    return document.querySelector(selector);
  }
  function renderCartCount() {
    var el = $('#cart-count');
    if (el) el.textContent = String(cart().length);
    var who = $('#who');
    var user = localStorage.getItem(USER_KEY);
    if (who) who.textContent = user ? 'Signed in as ' + user : '';
  }

  function productPage() {
    var sku = params.get('sku') || 'mug';
    var product = catalog[sku] || catalog.mug;
    $('#product-name').textContent = product.name;
    $('#product-price').textContent = '€' + product.price;
    document.title = product.name + ' · Touchpoint shop';
    // Share links point at this product; Touchpoint records a `share` when one is clicked.
    var here = encodeURIComponent(location.origin + location.pathname + '?sku=' + sku);
    $('#share-x').href = 'https://twitter.com/intent/tweet?url=' + here;
    $('#share-facebook').href = 'https://www.facebook.com/sharer/sharer.php?u=' + here;
    $('#add-to-cart').addEventListener('click', function () {
      saveCart(cart().concat([sku]));
      touchpoint('track', 'add_to_cart', { sku: sku, price: product.price });
      $('#added').hidden = false;
    });
  }

  function signInPage() {
    $('#signin-form').addEventListener('submit', function (event) {
      event.preventDefault();
      // A customer number, never an email address: Touchpoint collects no personal data by default.
      var userId = $('#customer').value.trim();
      if (!userId) return;
      localStorage.setItem(USER_KEY, userId);
      touchpoint('identify', userId, { loyalty: $('#loyalty').checked });
      // Back to the checkout when something is in the cart, else where the visitor came from.
      location.href = cart().length ? '/checkout.html' : params.get('next') || '/';
    });
  }

  function checkoutPage() {
    var items = cart();
    var total = items.reduce(function (sum, sku) {
      return sum + (catalog[sku] ? catalog[sku].price : 0);
    }, 0);
    $('#summary').textContent = items.length
      ? items.length + ' item(s), total €' + total
      : 'Your cart is empty: add something first.';
    $('#place-order').disabled = !items.length;
    $('#place-order').addEventListener('click', function () {
      var orderId = 'o-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);
      touchpoint('conversion', 'purchase', { value: total, currency: 'EUR', orderId: orderId });
      saveCart([]);
      $('#checkout').hidden = true;
      $('#thanks').hidden = false;
      $('#order-id').textContent = orderId;
    });
    $('#survey-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var answer = $('#heard').value;
      if (!answer) return;
      // Self-reported attribution: compared with the tracked channels in the report.
      touchpoint('survey', 'How did you hear about us?', answer);
      $('#survey-form').hidden = true;
      $('#survey-thanks').hidden = false;
    });
  }

  // One ad slot, two creatives: show one at random, like an ad server would. A hidden banner is never
  // in view, so Touchpoint records no impression for it.
  function rotateBanners() {
    var banners = document.querySelectorAll('.banner');
    var shown = Math.floor(Math.random() * banners.length);
    banners.forEach(function (banner, i) {
      banner.hidden = i !== shown;
    });
  }

  renderCartCount();
  var page = document.body.dataset.page;
  if (page === 'home') rotateBanners();
  if (page === 'product') productPage();
  if (page === 'signin') signInPage();
  if (page === 'checkout') checkoutPage();
})();
