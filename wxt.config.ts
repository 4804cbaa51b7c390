import { defineConfig } from 'wxt';

// Hosts Stint overlays out of the box. Self-hosted GitHub Enterprise, GitLab and Jira Data Center hosts are
// asked for at runtime (optional_host_permissions) when the user adds such a connection.
const PROVIDER_HOSTS = ['https://github.com/*', 'https://api.github.com/*', 'https://gitlab.com/*', 'https://*.atlassian.net/*'];

// The e2e build (`wxt build --mode e2e`) grants the sandbox's stand-ins for self-hosted instances up front, because
// headless Chromium cannot answer a permission prompt (see shared TOOLING.md). Nothing else differs.
const E2E_SELF_HOSTED = ['https://github.example.test/*', 'https://gitlab.example.test/*', 'https://jira.example.test/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // Explicit imports everywhere: the layer rules in eslint.config.js can only see what is imported.
  imports: false,
  outDir: '.output',
  manifest: ({ browser, mode }) => ({
    // Words come from locales/<lang>.yml (the @wxt-dev/i18n module writes _locales); English is the fallback.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['storage', 'alarms', 'idle', 'notifications', 'scripting', ...(browser === 'chrome' ? ['sidePanel'] : [])],
    host_permissions: mode === 'e2e' ? [...PROVIDER_HOSTS, ...E2E_SELF_HOSTED] : PROVIDER_HOSTS,
    // Self-hosted instances are granted one host at a time, when the user adds such a connection.
    ...(browser === 'chrome' ? { optional_host_permissions: ['https://*/*'] } : { optional_permissions: ['https://*/*'] }),
    action: { default_title: 'Stint' },
    commands: {
      'toggle-timer': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandToggleTimer__' },
    },
    ...(browser === 'chrome'
      ? {}
      : {
          browser_specific_settings: {
            // Stint sends nothing to its makers: time goes only to the user's own GitHub, GitLab and Jira.
            gecko: { id: 'stint@stint.dev', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
          },
        }),
  }),
});
