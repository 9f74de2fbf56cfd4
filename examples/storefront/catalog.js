// The shop's products. Plain data so every page (and the demo driver) can read it.
window.SHOP_CATALOG = {
  mug: { name: 'Touchpoint mug', price: 14 },
  tee: { name: 'Journey T-shirt', price: 29 },
  poster: { name: 'Sankey poster', price: 39 },
  notebook: { name: 'Attribution notebook', price: 12 },
};
