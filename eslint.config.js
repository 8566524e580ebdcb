import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
	globalIgnores(['dist/', 'test-artifacts/', '.data-dev/', 'data/']),
	js.configs.recommended,
	tseslint.configs.recommended,
	{
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: {
			// tsc's noUnusedLocals/noUnusedParameters already fail the build; `_name` marks one kept on purpose.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
		},
	},
	{
		files: ['client/**/*.{ts,tsx}'],
		extends: [reactHooks.configs.flat.recommended],
		languageOptions: { globals: globals.browser },
	},
	{
		files: ['server/**', 'scripts/**', 'test/**', '*.config.{js,ts}'],
		languageOptions: { globals: globals.node },
	},
	{
		// The e2e helpers run functions inside the page (page.evaluate), so both sets of globals hold there.
		files: ['test/**'],
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
	},
)
