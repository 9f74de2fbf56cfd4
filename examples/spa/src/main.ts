import { startRouter } from './router';
import { tracker } from './tracker';

const PLANS = { starter: 9, team: 29 } as const;
type Plan = keyof typeof PLANS;

const app = document.querySelector<HTMLElement>('#app')!;

const navigate = startRouter(
  app,
  {
    '/': (el) => {
      document.title = 'Home · SPA example';
      el.innerHTML = `<h1>Welcome</h1><p><a href="/pricing" data-link id="see-pricing">See pricing</a></p>`;
    },
    '/pricing': (el) => {
      document.title = 'Pricing · SPA example';
      el.innerHTML = `<h1>Pricing</h1>
        <p><a href="/signup?plan=starter" data-link id="choose-starter">Starter, €9</a></p>
        <p><a href="/signup?plan=team" data-link id="choose-team">Team, €29</a></p>`;
    },
    '/signup': (el, params) => {
      const plan: Plan = params.get('plan') === 'team' ? 'team' : 'starter';
      document.title = 'Sign up · SPA example';
      el.innerHTML = `<h1>Sign up for ${plan}</h1>
        <form id="signup"><input id="account" placeholder="account id" /><button id="submit">Start</button></form>`;
      el.querySelector('#signup')!.addEventListener('submit', (event) => {
        event.preventDefault();
        const account = (el.querySelector('#account') as HTMLInputElement).value || 'acct-demo';
        // Identify the account (an opaque id, not an email address), then record the conversion with its value.
        tracker.identify(account, { plan });
        tracker.conversion('signup', { value: PLANS[plan], currency: 'EUR', orderId: `signup-${account}` });
        navigate('/welcome');
      });
    },
    '/welcome': (el) => {
      document.title = 'Welcome aboard · SPA example';
      el.innerHTML = `<h1>You're in</h1><button id="tour">Take the tour</button>`;
      el.querySelector('#tour')!.addEventListener('click', () => tracker.track('tour_started', { step: 1 }));
    },
  },
  (el) => {
    el.innerHTML = `<h1>Not found</h1><p><a href="/" data-link>Home</a></p>`;
  },
);
